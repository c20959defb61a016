package main

import (
	"fmt"
	"sort"
	"sync"
)

// Goroutines started in a loop pass the spawner's map to a function that
// deletes from it (thanos's DeduplicateFilter handed metas to
// filterForResolution, once per resolution): the deletes race. The map is
// reached through the callee's parameter, where a lock declared beside it
// does not reach, so the finding has no fix.
type filter struct{ dropped int }

func (f *filter) Filter(metas map[string]int) {
	byRes := map[int][]string{}
	for id, res := range metas {
		byRes[res] = append(byRes[res], id)
	}
	var wg sync.WaitGroup
	for res := range byRes {
		wg.Add(1)
		go func(res int) {
			defer wg.Done()
			f.dedup(byRes[res], metas)
		}(res)
	}
	wg.Wait()
}

func (f *filter) dedup(ids []string, metas map[string]int) {
	sort.Strings(ids)
	for _, id := range ids[1:] {
		delete(metas, id)
	}
}

func main() {
	metas := map[string]int{}
	for i := range 40 {
		metas[fmt.Sprint("b", i)] = i % 4
	}
	f := &filter{}
	f.Filter(metas)
	fmt.Println(len(metas))
}
