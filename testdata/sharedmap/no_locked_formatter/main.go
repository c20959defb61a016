package main

import (
	"fmt"
	"sync"
)

// logActiveLocked runs with c.mu held, as its doc says; the formatter it
// hands to logf (a function value, through a conversion to a func type)
// runs while logf formats, before it returns (tailscale's magicsock).
type argWriter func() string

func (w argWriter) String() string { return w() }

type conn struct {
	mu     sync.Mutex
	active map[int]string
	logf   func(format string, args ...any)
}

func (c *conn) add(id int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.active[id] = "derp"
	c.logActiveLocked()
}

func (c *conn) remove(id int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.active, id)
	c.logActiveLocked()
}

// c.mu must be held.
func (c *conn) logActiveLocked() {
	c.logf("%v", argWriter(func() string {
		return fmt.Sprint(len(c.active), " active")
	}))
}

func main() {
	var lines []string
	c := &conn{active: map[int]string{}}
	c.logf = func(format string, args ...any) { lines = append(lines, fmt.Sprintf(format, args...)) }
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			c.add(g)
			c.remove(g)
		})
	}
	wg.Wait()
	fmt.Println(len(lines), lines[len(lines)-1])
}
