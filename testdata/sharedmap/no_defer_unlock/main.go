package main

import (
	"fmt"
	"sync"
)

var (
	mu   sync.Mutex
	seen = map[string]int{}
)

func mark(k string) {
	mu.Lock()
	defer mu.Unlock()
	seen[k]++
}

func count(k string) int {
	mu.Lock()
	defer mu.Unlock()
	return seen[k]
}

func main() {
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 500 {
				mark("x")
			}
		}()
	}
	wg.Wait()
	fmt.Println(count("x"))
}
