package main

import (
	"fmt"
	"sync"
)

var (
	lock  sync.RWMutex
	cache = map[int]string{}
)

func put(k int, v string) {
	lock.Lock()
	defer lock.Unlock()
	cache[k] = v
}

func lookup(k int) string {
	lock.RLock()
	defer lock.RUnlock()
	return cache[k]
}

func flush(k int) {
	delete(cache, k)
}

func main() {
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 500 {
				put(g*1000+i, "v")
				if i%2 == 0 {
					flush(g*1000 + i - 1)
				}
			}
		}()
	}
	wg.Wait()
	fmt.Println(lookup(1) == "", lookup(3499))
}
