package main

import (
	"fmt"
	"sync"
)

type cache struct {
	mu sync.Mutex
	m  map[int]int
}

func (c *cache) put(k, v int) {
	c.mu.Lock()
	c.m[k] = v
	c.mu.Unlock()
}

func (c *cache) get(k int) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.m[k]
}

// drop forgets k.
func (c *cache) drop(k int) {
	delete(c.m, k) // the lock is missing // want `drop writes map c\.m without mu, which guards its other accesses`
}

func main() {
	c := &cache{m: map[int]int{}}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 2000 {
				c.put(g*10000+i, i)
				c.drop(g*10000 + i - 1)
			}
		}()
	}
	wg.Wait()
	fmt.Println(c.get(1999), c.get(31999))
}
