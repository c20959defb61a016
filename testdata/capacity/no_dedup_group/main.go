// Command no_dedup_group makes each group's entry once, then adds to it:
// a group-by, whose keys repeat by design, so len(items) says little of
// its size.
package main

import "fmt"

type item struct{ kind, name string }

func byKind(items []item) map[string]map[string]bool {
	groups := make(map[string]map[string]bool)
	for _, it := range items {
		if _, ok := groups[it.kind]; !ok {
			groups[it.kind] = map[string]bool{}
		}
		groups[it.kind][it.name] = true
	}
	return groups
}

func main() {
	fmt.Println(len(byKind([]item{{"a", "x"}, {"a", "y"}, {"b", "z"}})))
}
