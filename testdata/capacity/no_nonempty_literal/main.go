// Command no_nonempty_literal starts from a literal with entries.
package main

import "fmt"

func withDefaults(names []string) map[string]int {
	m := map[string]int{"default": 0}
	for i, n := range names {
		m[n] = i + 1
	}
	return m
}

func main() {
	fmt.Println(len(withDefaults([]string{"a", "b"})))
}
