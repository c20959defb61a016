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
			}
		}()
	}
	// The flusher never takes the lock, so nothing orders its deletes
	// with the writers' inserts.
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := range 500 {
			flush(-1 - i)
		}
	}()
	wg.Wait()
	fmt.Println(lookup(1), lookup(3499))
}
