package main

import (
	"fmt"
	"sync"
	"time"
)

// purge is never called by name: time.AfterFunc runs the method value on a
// goroutine of its own, which skips the lock that put and get take.
type cache struct {
	mu     sync.Mutex
	m      map[string]int
	purged sync.WaitGroup
}

func newCache() *cache {
	c := &cache{m: map[string]int{}}
	c.purged.Add(1)
	time.AfterFunc(time.Millisecond, c.purge)
	return c
}

func (c *cache) put(k string, v int) {
	c.mu.Lock()
	c.m[k] = v
	c.mu.Unlock()
}

func (c *cache) get(k string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.m[k]
}

func (c *cache) purge() {
	clear(c.m)
	c.purged.Done()
}

func main() {
	c := newCache()
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range 2000 {
				c.put(fmt.Sprint(g, i%50), i)
				_ = c.get(fmt.Sprint(g, i%50))
			}
		})
	}
	wg.Wait()
	c.purged.Wait()
	c.put("last", 1)
	fmt.Println(c.get("last"))
}
