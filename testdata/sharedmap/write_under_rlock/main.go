package main

import (
	"fmt"
	"sync"
)

type counter struct {
	mu sync.RWMutex
	n  map[string]int
}

func (c *counter) get(k string) int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.n[k]
}

// inc adds one to k; it takes the read lock by mistake.
func (c *counter) inc(k string) {
	c.mu.RLock()
	c.n[k]++
	c.mu.RUnlock()
}

func main() {
	c := &counter{n: map[string]int{}}
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 2000 {
				c.inc("a")
				_ = c.get("a")
			}
		}()
	}
	wg.Wait()
	fmt.Println(c.get("a"))
}
