// Command no_iterator_func ranges over iterator functions.
package main

import (
	"fmt"
	"iter"
	"maps"
)

func keys(seq iter.Seq[string]) map[string]bool {
	m := make(map[string]bool)
	for k := range seq {
		m[k] = true
	}
	return m
}

func upper(src map[string]int) map[string]int {
	m := make(map[string]int)
	for k, v := range maps.All(src) {
		m[k+"!"] = v
	}
	return m
}

func main() {
	src := map[string]int{"a": 1, "b": 2}
	fmt.Println(len(keys(maps.Keys(src))), len(upper(src)))
}
