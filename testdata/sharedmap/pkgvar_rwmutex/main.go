package main

import (
	"fmt"
	"sync"
)

var (
	mu    sync.RWMutex
	table = map[int]int{}
)

func set(k, v int) {
	mu.Lock()
	table[k] = v
	mu.Unlock()
}

func get(k int) int {
	mu.RLock()
	defer mu.RUnlock()
	return table[k]
}

func size() int {
	n := len(table)
	return n
}

func main() {
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 2000 {
				set(g*10000+i, i)
				_ = size()
			}
		}()
	}
	wg.Wait()
	fmt.Println(get(1999), size())
}
