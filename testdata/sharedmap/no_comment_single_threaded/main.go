package main

import (
	"fmt"
	"sync"
)

type manager struct {
	mu  sync.Mutex
	ids map[string]bool
}

func (m *manager) add(id string) {
	m.mu.Lock()
	m.ids[id] = true
	m.mu.Unlock()
}

func (m *manager) remove(id string) {
	m.mu.Lock()
	delete(m.ids, id)
	m.mu.Unlock()
}

func (m *manager) forEach(fn func(string)) {
	// The absence of a lock here is deliberate: this only runs on reloads,
	// in a single-threaded context.
	for id := range m.ids {
		fn(id)
	}
}

func main() {
	m := &manager{ids: map[string]bool{}}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			m.add(fmt.Sprint(g))
			m.remove("none")
		}()
	}
	wg.Wait()
	n := 0
	m.forEach(func(string) { n++ })
	fmt.Println(n)
}
