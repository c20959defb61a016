// Command no_closure_in_place writes a local map from function literals
// that run in place, on the caller's goroutine: nothing runs concurrently.
// (An earlier version of the rule recursed forever on such a literal.)
package main

import (
	"fmt"
	"sort"
)

func main() {
	m := map[string]int{}
	add := func(k string) { m[k]++ }
	add("a")
	add("b")
	func() { m["c"] = 3 }()
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Println(keys, m["c"])
}
