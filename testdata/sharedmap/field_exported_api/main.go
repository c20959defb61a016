package main

import (
	"fmt"
	"sort"
	"sync"
)

// Cache locks in its methods, so it promises to be safe for concurrent
// use; Keys, exported API that users call from any goroutine, skips the
// lock. The goroutines here are started through a function value, where
// mapfix does not follow them: the exported method alone is the evidence.
type Cache struct {
	mu sync.Mutex
	m  map[string]int
}

func (c *Cache) Set(k string, v int) {
	c.mu.Lock()
	c.m[k] = v
	c.mu.Unlock()
}

func (c *Cache) Get(k string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.m[k]
}

func (c *Cache) Keys() []string {
	var keys []string
	for k := range c.m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func spawn(wg *sync.WaitGroup, f func()) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		f()
	}()
}

func main() {
	c := &Cache{m: map[string]int{}}
	var wg sync.WaitGroup
	for g := range 3 {
		spawn(&wg, func() {
			for i := range 200 {
				c.Set(fmt.Sprint(g, "-", i%20), i)
			}
		})
	}
	spawn(&wg, func() {
		for range 50 {
			_ = c.Keys()
		}
	})
	wg.Wait()
	fmt.Println(len(c.Keys()), c.Get("1-19"))
}
