package main

import (
	"fmt"
	"sync"
)

type registry struct {
	names map[int]string
	wg    sync.WaitGroup
}

func (r *registry) load() {
	defer r.wg.Done()
	for i := range 1000 {
		r.names[i] = "loaded"
	}
}

// newRegistry starts loading and adds the built-in names meanwhile.
func newRegistry() *registry {
	r := &registry{names: map[int]string{}}
	r.wg.Add(1)
	go r.load()
	for i := range 1000 {
		r.names[-1-i] = "builtin"
	}
	r.wg.Wait()
	return r
}

func main() {
	r := newRegistry()
	fmt.Println(len(r.names), r.names[5], r.names[-5])
}
