package main

import (
	"fmt"
	"sync"
)

// ResetAll ranges the map through a reference taken under the lock, after
// the unlock, and calls reset, which takes the lock itself: holding the
// lock around the range would deadlock, so mapfix reports it without a
// fix (copy the entries out under the lock instead).
type Conns struct {
	mu    sync.Mutex
	conns map[*conn]bool
}

type conn struct {
	c     *Conns
	tries int
}

func (c *conn) reset() {
	c.c.mu.Lock()
	c.tries = 0
	c.c.mu.Unlock()
}

func (cs *Conns) Add(c *conn) {
	cs.mu.Lock()
	cs.conns[c] = true
	cs.mu.Unlock()
}

func (cs *Conns) Remove(c *conn) {
	cs.mu.Lock()
	delete(cs.conns, c)
	cs.mu.Unlock()
}

func (cs *Conns) ResetAll() {
	cs.mu.Lock()
	conns := cs.conns
	cs.mu.Unlock()
	for c := range conns {
		c.reset()
	}
}

func main() {
	cs := &Conns{conns: map[*conn]bool{}}
	c := &conn{c: cs, tries: 3}
	cs.Add(c)
	cs.ResetAll()
	cs.Remove(c)
	fmt.Println(c.tries, len(cs.conns))
}
