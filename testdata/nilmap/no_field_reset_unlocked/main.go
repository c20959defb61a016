// Command no_field_reset_unlocked clears its maps at the end of a check,
// as go/types does: the writes belong to the phase that the reset ends,
// and no lock says that they can run after it.
package main

import "fmt"

type checker struct {
	used map[string]bool
}

func (c *checker) use(name string) { c.used[name] = true }

func (c *checker) check(names []string) int {
	c.used = make(map[string]bool)
	for _, n := range names {
		c.use(n)
	}
	n := len(c.used)
	c.used = nil // done: let the garbage collector have it
	return n
}

func main() {
	var c checker
	fmt.Println(c.check([]string{"a", "b", "a"}))
}
