package main

import (
	"fmt"
	"sync"
)

var (
	once   sync.Once
	mu     sync.Mutex
	codes  map[string]int
	extras = map[string]int{}
)

func load() {
	once.Do(func() {
		codes = map[string]int{}
		codes["a"] = 1
		codes["b"] = 2
	})
}

func code(k string) int {
	load()
	return codes[k]
}

func note(k string) {
	mu.Lock()
	extras[k]++
	mu.Unlock()
}

func main() {
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 200 {
				note("x")
				_ = code("a")
			}
		}()
	}
	wg.Wait()
	fmt.Println(code("b"), extras["x"])
}
