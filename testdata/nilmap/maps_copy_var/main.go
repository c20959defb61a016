// Command maps_copy_var merges two maps into one declared without a value.
package main

import (
	"fmt"
	"maps"
)

func merge(a, b map[string]int) map[string]int {
	var out map[string]int
	maps.Copy(out, a)
	maps.Copy(out, b)
	return out
}

func main() {
	m := merge(map[string]int{"a": 1}, map[string]int{"b": 2, "a": 3})
	fmt.Println(m["a"], m["b"], len(m))
}
