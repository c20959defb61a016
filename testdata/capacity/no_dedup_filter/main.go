// Command no_dedup_filter checks that a word is new, then skips some new
// words before it inserts: a filter, whose count is not known.
package main

import (
	"fmt"
	"strings"
)

func exported(words []string) map[string]int {
	m := make(map[string]int)
	for i, w := range words {
		if _, ok := m[w]; !ok {
			if strings.ToUpper(w[:1]) != w[:1] {
				continue
			}
			m[w] = i
		}
	}
	return m
}

func main() {
	fmt.Println(len(exported([]string{"A", "b", "A"})))
}
