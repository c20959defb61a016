// Command no_single_insert_in_loop has one insert under an if, but inside
// a loop there: it runs any number of times.
package main

import "fmt"

func lengths(words []string, keep bool) map[string]int {
	m := make(map[string]int)
	if keep {
		for _, w := range words {
			if len(w) > 2 {
				m[w] = len(w)
			}
		}
	}
	return m
}

func main() {
	fmt.Println(len(lengths([]string{"a", "abc"}, true)))
}
