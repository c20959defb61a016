package main

import (
	"fmt"
	"maps"
	"sync"
)

// The callee makes its own copy before it writes: the parameter no longer
// holds the spawner's map when the goroutines write.
func prune(ids []string, metas map[string]int) map[string]int {
	metas = maps.Clone(metas)
	for _, id := range ids {
		delete(metas, id)
	}
	return metas
}

func main() {
	metas := map[string]int{"a": 1, "b": 2, "c": 3}
	out := make([]int, 3)
	var wg sync.WaitGroup
	for i, id := range []string{"a", "b", "c"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = len(prune([]string{id}, metas))
		}()
	}
	wg.Wait()
	fmt.Println(out)
}
