package main

import (
	"fmt"
	"sync"
)

// gc runs only under the lock, from Register; Unregister skips it. The
// helper is on the lock's side of the count, not against it.
type Registry struct {
	mu      sync.Mutex
	entries map[string]int
}

func (r *Registry) Register(n string, v int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, ok := r.entries[n]; ok {
		return
	}
	r.entries[n] = v
	if len(r.entries) > 100 {
		r.gc()
	}
}

func (r *Registry) Lookup(n string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.entries[n]
}

func (r *Registry) gc() {
	for k, v := range r.entries {
		if v < 0 {
			delete(r.entries, k)
		}
	}
}

func (r *Registry) Unregister(n string) {
	delete(r.entries, n)
}

func main() {
	r := &Registry{entries: map[string]int{}}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range 200 {
				n := fmt.Sprint(g, "-", i)
				r.Register(n, i-100)
				if i%3 == 0 {
					r.Unregister(n)
				}
			}
		})
	}
	wg.Wait()
	fmt.Println(r.Lookup("0-199"), r.Lookup("0-150"))
}
