package main

import (
	"fmt"
	"sort"
	"sync"
)

// Registry writes under mu in Register and Unregister; three readers skip
// it. Most functions skip the lock, but every write holds it: the writers'
// lock is the evidence, and the readers race with the writers.
type Registry struct {
	mu    sync.Mutex
	items map[string]string
}

func (r *Registry) Register(name, addr string) {
	r.mu.Lock()
	r.items[name] = addr
	r.mu.Unlock()
}

func (r *Registry) Unregister(name string) {
	r.mu.Lock()
	delete(r.items, name)
	r.mu.Unlock()
}

func (r *Registry) Lookup(name string) string {
	addr := r.items[name]
	return addr
}

func (r *Registry) Len() int {
	n := len(r.items)
	return n
}

func (r *Registry) Names() []string {
	var names []string
	for n := range r.items {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func main() {
	r := &Registry{items: map[string]string{}}
	var wg sync.WaitGroup
	for g := range 3 {
		wg.Go(func() {
			for i := range 200 {
				name := fmt.Sprint(g, "-", i%20)
				r.Register(name, "addr")
				if i%3 == 0 {
					r.Unregister(name)
				}
			}
		})
	}
	wg.Go(func() {
		for range 100 {
			_ = r.Lookup("1-1")
			_ = r.Len()
			_ = r.Names()
		}
	})
	wg.Wait()
	fmt.Println(r.Len(), len(r.Names()), r.Lookup("1-19"))
}
