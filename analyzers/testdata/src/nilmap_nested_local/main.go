// Command nested_local counts hits per tenant and path in a map of maps.
package main

import "fmt"

type request struct{ tenant, path string }

func main() {
	reqs := []request{{"acme", "/a"}, {"acme", "/b"}, {"acme", "/a"}, {"init", "/a"}}
	hits := map[string]map[string]int{}
	for _, r := range reqs {
		// Count the hit.
		hits[r.tenant][r.path]++ // want `hits\[r\.tenant\] may be nil: no inner map is stored for this key before this write`
	}
	fmt.Println(hits["acme"]["/a"], hits["acme"]["/b"], hits["init"]["/a"])
}
