package main

import (
	"fmt"
	"sort"
	"sync"
)

// The collector deletes from metas only after receiving a duplicate, and
// only the workers send duplicates, after receiving a group, which the
// spawner sends once it has read metas (thanos' deduplicate filter): the
// channels order the collector after the spawner's reads.
func dedupe(metas map[string]int) {
	groups := make(chan []string)
	dups := make(chan string)
	var workers, collector sync.WaitGroup
	collector.Go(func() {
		for d := range dups {
			delete(metas, d)
		}
	})
	for range 2 {
		workers.Go(func() {
			for g := range groups {
				for _, k := range g[1:] {
					dups <- k
				}
			}
		})
	}
	byValue := map[int][]string{}
	for k, v := range metas {
		byValue[v] = append(byValue[v], k)
	}
	for _, g := range byValue {
		sort.Strings(g)
		groups <- g
	}
	close(groups)
	workers.Wait()
	close(dups)
	collector.Wait()
}

func main() {
	metas := map[string]int{"a": 1, "b": 1, "c": 2, "d": 3, "e": 3}
	dedupe(metas)
	keys := make([]string, 0, len(metas))
	for k := range metas {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Println(keys)
}
