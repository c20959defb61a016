package main

import (
	"fmt"
	"sync"
)

type conf struct {
	mu   sync.RWMutex
	vals map[string]string
}

func (c *conf) set(k, v string) {
	c.mu.Lock()
	c.vals[k] = v
	c.mu.Unlock()
}

func (c *conf) get(k string) string {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.vals[k]
}

func (c *conf) has(k string) bool {
	_, ok := c.vals[k]
	return ok
}

func main() {
	c := &conf{vals: map[string]string{}}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 1000 {
				c.set(fmt.Sprint(g, i), "v")
				_ = c.has(fmt.Sprint(g, i))
			}
		}()
	}
	wg.Wait()
	fmt.Println(c.get("2 5"), c.has("2 5"))
}
