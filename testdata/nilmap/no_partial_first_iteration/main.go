// Command no_partial_first_iteration makes its map in the first iteration
// of the loop that writes into it.
package main

import "fmt"

func positions(xs []string) map[string]int {
	var m map[string]int
	for i, x := range xs {
		if i == 0 {
			m = make(map[string]int, len(xs))
		}
		m[x] = i
	}
	return m
}

func main() {
	fmt.Println(positions([]string{"a", "b"}), positions(nil) == nil)
}
