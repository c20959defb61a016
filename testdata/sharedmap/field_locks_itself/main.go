package main

import (
	"fmt"
	"sync"
)

// counters is unexported and bump is not exported either: what makes bump
// shared is that bump itself takes mu, then reads the map after the
// unlock. Its goroutines start through a function value, which mapfix does
// not follow: the function's own locking is the evidence.
type counters struct {
	mu sync.RWMutex
	m  map[string]*int
}

func (c *counters) bump(kind string) int {
	c.mu.RLock()
	_, ok := c.m[kind]
	c.mu.RUnlock()
	if !ok {
		c.mu.Lock()
		if _, ok := c.m[kind]; !ok {
			c.m[kind] = new(int)
		}
		c.mu.Unlock()
	}
	p := c.m[kind]
	return *p
}

func (c *counters) kinds() int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return len(c.m)
}

func spawn(wg *sync.WaitGroup, f func()) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		f()
	}()
}

func main() {
	c := &counters{m: map[string]*int{}}
	var wg sync.WaitGroup
	for g := range 4 {
		spawn(&wg, func() {
			for i := range 200 {
				c.bump(fmt.Sprint(g, "-", i%25))
			}
		})
	}
	wg.Wait()
	fmt.Println(c.kinds())
}
