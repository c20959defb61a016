package main

import (
	"fmt"
	"sync"
)

// The caller says whether match takes the lock, as nats-server's Sublist
// does: matchNoLock is for callers that hold it already.
type cache struct {
	mu sync.RWMutex
	m  map[string]int
}

func (c *cache) match(k string, doLock bool) int {
	if doLock {
		c.mu.RLock()
	}
	v, ok := c.m[k]
	if doLock {
		c.mu.RUnlock()
	}
	if ok {
		return v
	}
	if doLock {
		c.mu.Lock()
	}
	v = len(k)
	c.m[k] = v
	if doLock {
		c.mu.Unlock()
	}
	return v
}

func (c *cache) Match(k string) int { return c.match(k, true) }

func (c *cache) matchNoLock(k string) int { return c.match(k, false) }

func (c *cache) Refresh(keys []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	clear(c.m)
	for _, k := range keys {
		c.matchNoLock(k)
	}
}

func (c *cache) Len() int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return len(c.m)
}

func main() {
	c := &cache{m: map[string]int{}}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range 100 {
				c.Match(fmt.Sprint(g, i%10))
			}
		})
	}
	wg.Go(func() { c.Refresh([]string{"a", "bb"}) })
	wg.Wait()
	fmt.Println(c.Len() > 0)
}
