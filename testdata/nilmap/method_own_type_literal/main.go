// Command method_own_type_literal adds to a set type of its own, whose Add
// writes into the map, through a field that the literal leaves out.
package main

import (
	"fmt"
	"sort"
)

// stringSet is a set of strings.
type stringSet map[string]struct{}

// Add puts s into the set.
func (set stringSet) Add(s string) {
	set[s] = struct{}{}
}

// Sorted lists the set.
func (set stringSet) Sorted() []string {
	var out []string
	for s := range set {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

type host struct {
	name    string
	aliases stringSet
}

func main() {
	h := host{name: "web"}
	for _, a := range []string{"www", "web1", "www"} {
		h.aliases.Add(a)
	}
	fmt.Println(h.name, h.aliases.Sorted())
}
