// Command nofix_field_reset_copy writes through a value receiver: the
// write can hit the nil map that Close leaves, but a nil check would make
// a map in the copy only, so there is no fix.
package main

import (
	"fmt"
	"sync"
)

type registry struct {
	mu    *sync.Mutex
	names map[string]int
}

func (r registry) add(name string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.names[name]++
}

func (r *registry) Close() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.names = nil
}

func main() {
	r := &registry{mu: &sync.Mutex{}, names: map[string]int{}}
	r.add("a")
	fmt.Println(r.names["a"])
}
