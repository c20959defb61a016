// Command literal_empty turns an empty map literal into a sized make.
package main

import (
	"fmt"
	"strconv"
	"testing"
)

type set map[string]struct{}

// uniq returns the set of words.
func uniq(words []string) set {
	// Duplicates collapse.
	seen := set{}
	for _, w := range words {
		seen[w] = struct{}{}
	}
	return seen
}

// lengths maps each word to its length.
func lengths(words []string) map[string]int {
	n := map[string]int{ /* empty for now */ }
	for _, w := range words {
		n[w] = len(w)
	}
	return n
}

func main() {
	words := make([]string, 1000)
	for i := range words {
		words[i] = strconv.Itoa(i % 700)
	}
	fmt.Println(len(uniq(words)), len(lengths(words)), lengths(words)["699"])
	fmt.Printf("allocs: %v\n", testing.AllocsPerRun(100, func() { uniq(words); lengths(words) }))
}
