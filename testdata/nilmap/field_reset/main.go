// Command field_reset keeps a cache that Stop sets to nil, to let the
// garbage collector have it; a List that runs after Stop (a request still
// in flight at shutdown) writes into the nil map and panics.
package main

import (
	"fmt"
	"sync"
)

type lister struct {
	mu    sync.Mutex
	cache map[string][]string
}

func newLister() *lister {
	return &lister{cache: make(map[string][]string)}
}

func (c *lister) List(prefix string) []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if v, ok := c.cache[prefix]; ok {
		return v
	}
	v := []string{prefix + "/a", prefix + "/b"}
	c.cache[prefix] = v
	return v
}

func (c *lister) Stop() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.cache = nil
}

func main() {
	c := newLister()
	fmt.Println(c.List("x"))
	c.Stop()
	fmt.Println(c.List("y"))
}
