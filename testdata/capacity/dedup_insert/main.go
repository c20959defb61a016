// Command dedup_insert keeps the first value of each key: the insert runs
// only for a key not seen yet, which leaves the map no larger than
// inserting always would, so len(apis) is as good a hint as for a plain
// fill.
package main

import (
	"fmt"
	"strconv"
	"testing"
)

type api struct{ namespace string }

// namespaces returns each namespace once, in the order first seen.
func namespaces(apis []api) (available []string) {
	seen := make(map[string]struct{})
	for _, a := range apis {
		if _, ok := seen[a.namespace]; !ok {
			seen[a.namespace] = struct{}{}
			available = append(available, a.namespace)
		}
	}
	return available
}

func main() {
	apis := make([]api, 1000)
	for i := range apis {
		apis[i] = api{namespace: "ns" + strconv.Itoa(i%900)}
	}
	fmt.Println(len(namespaces(apis)))
	fmt.Printf("allocs: %v\n", testing.AllocsPerRun(100, func() { namespaces(apis) }))
}
