// Command no_partial_correlated_if makes its map under a condition and
// writes into it under the same condition, with other code between.
package main

import (
	"fmt"
	"strings"
)

func index(words []string, verbose bool) (int, map[string]int) {
	var seen map[string]int
	if verbose {
		seen = make(map[string]int)
	}
	n := 0
	for _, w := range words {
		n += len(w)
	}
	if verbose {
		seen[strings.Join(words, " ")] = n
	}
	return n, seen
}

func main() {
	fmt.Println(index([]string{"a", "bc"}, true))
	fmt.Println(index([]string{"a"}, false))
}
