// Package nilmap counts words in a map declared without a value: the first
// write panics.
package nilmap

import "strings"

// Count returns how often each word of s appears.
func Count(s string) map[string]int {
	// counts holds how often each word appears.
	var counts map[string]int // filled below
	for _, w := range strings.Fields(s) {
		counts[w]++ // want `^counts is nil here: it is declared without a value at line 10, and nothing assigns it before this write$`
	}
	return counts
}
