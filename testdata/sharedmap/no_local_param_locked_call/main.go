package main

import (
	"fmt"
	"sync"
)

// Each goroutine calls the writer while it holds the spawner's lock.
func record(counts map[string]int, k string) {
	counts[k]++
}

func main() {
	counts := map[string]int{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, w := range []string{"a", "b", "a", "c"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			record(counts, w)
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println(counts)
}
