package main

import (
	"fmt"
	"sync"
)

// Both branches unlock, so the delete after the if runs without the lock.
type conns struct {
	mu     sync.Mutex
	m      map[int]string
	closed bool
}

func (c *conns) add(id int) {
	c.mu.Lock()
	c.m[id] = "open"
	c.mu.Unlock()
}

func (c *conns) state(id int) string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.m[id]
}

func (c *conns) drop(id int) {
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return
	} else {
		c.mu.Unlock()
	}
	delete(c.m, id)
}

func main() {
	c := &conns{m: map[int]string{}}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range 200 {
				c.add(g*1000 + i)
				c.drop(g*1000 + i - 1)
			}
		})
	}
	wg.Wait()
	fmt.Println(c.state(999), c.state(1199))
}
