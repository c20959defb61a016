// Command no_reference_fields writes through slice and map fields of a
// copy: the contents are shared with the map.
package main

import "fmt"

type doc struct {
	Tags   []string
	Counts map[string]int
}

func main() {
	docs := map[string]doc{"a": {Tags: []string{"x"}, Counts: map[string]int{}}}
	for _, d := range docs {
		d.Tags[0] = "y"
		d.Counts["views"]++
	}
	fmt.Println(docs)
}
