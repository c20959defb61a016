package main

import (
	"fmt"
	"sort"
	"sync"
)

// Notifier publishes its sets as a whole: apply builds a new map and swaps
// the field under mu; readers copy the reference under mu and range over
// it after unlocking. The program never writes into a published map, so
// the ranges need no lock. The test fills the map in place, but before it
// starts any goroutine: setup, not a write that runs alongside the readers
// (prometheus' notifier.Manager and its tests).
type Notifier struct {
	mu   sync.Mutex
	sets map[string][]string
}

func (n *Notifier) apply(cfg map[string][]string) {
	sets := make(map[string][]string, len(cfg))
	for k, v := range cfg {
		sets[k] = v
	}
	n.mu.Lock()
	n.sets = sets
	n.mu.Unlock()
}

func (n *Notifier) Targets() []string {
	n.mu.Lock()
	sets := n.sets
	n.mu.Unlock()
	var out []string
	for _, s := range sets {
		out = append(out, s...)
	}
	sort.Strings(out)
	return out
}

func (n *Notifier) Count() int {
	n.mu.Lock()
	sets := n.sets
	n.mu.Unlock()
	c := 0
	for range sets {
		c++
	}
	return c
}

func (n *Notifier) Lookup(id string) []string {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.sets[id]
}

func (n *Notifier) Has(id string) bool {
	n.mu.Lock()
	defer n.mu.Unlock()
	_, ok := n.sets[id]
	return ok
}

func (n *Notifier) Size() int {
	n.mu.Lock()
	defer n.mu.Unlock()
	return len(n.sets)
}

func (n *Notifier) Names() []string {
	n.mu.Lock()
	defer n.mu.Unlock()
	var names []string
	for k := range n.sets {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

func main() {
	n := &Notifier{}
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Go(func() {
			n.apply(map[string][]string{fmt.Sprint("s", i%2): {fmt.Sprint("t", i%2)}})
			n.Targets()
			n.Count()
			n.Lookup("s0")
			n.Has("s1")
			n.Size()
			n.Names()
		})
	}
	wg.Wait()
	fmt.Println(n.Count())
}
