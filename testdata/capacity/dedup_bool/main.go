// Command dedup_bool marks each word once in a set of bools, under an
// if !seen[w]: the same size as marking it every time.
package main

import (
	"fmt"
	"strconv"
	"testing"
)

// firsts returns the words in the order of their first appearance.
func firsts(words []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, w := range words {
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

func main() {
	words := make([]string, 1000)
	for i := range words {
		words[i] = "w" + strconv.Itoa(i%700)
	}
	fmt.Println(len(firsts(words)))
	fmt.Printf("allocs: %v\n", testing.AllocsPerRun(100, func() { firsts(words) }))
}
