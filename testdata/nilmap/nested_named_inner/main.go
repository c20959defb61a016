// Command nested_named_inner indexes tags by name, with a named set type.
package main

import (
	"fmt"
	"sort"
)

// Set is a set of strings.
type Set map[string]bool

func main() {
	idx := map[string]Set{}
	for _, p := range [][2]string{{"go", "fast"}, {"go", "simple"}, {"c", "fast"}} {
		idx[p[0]][p[1]] = true
	}
	var tags []string
	for t := range idx["go"] {
		tags = append(tags, t)
	}
	sort.Strings(tags)
	fmt.Println(tags, len(idx["c"]))
}
