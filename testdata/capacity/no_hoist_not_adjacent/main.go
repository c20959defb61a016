// Command no_hoist_not_adjacent ranges over a call that is not right after
// the make.
package main

import (
	"fmt"
	"strings"
)

func index(s string) map[string]int {
	m := make(map[string]int)
	s = strings.TrimSpace(s)
	for i, f := range strings.Fields(s) {
		m[f] = i
	}
	return m
}

func main() {
	fmt.Println(len(index(" a b c ")))
}
