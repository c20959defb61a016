package main

import (
	"fmt"
	"sync"
)

// Pool guards conns with mu. Count takes a reference to the map under the
// lock and ranges it after the unlock: the reference is the map itself,
// not a copy, so the range races with Add on other goroutines.
type Pool struct {
	mu    sync.Mutex
	conns map[string]int
}

func (p *Pool) Add(name string, n int) {
	p.mu.Lock()
	p.conns[name] = n
	p.mu.Unlock()
}

func (p *Pool) Get(name string) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.conns[name]
}

func (p *Pool) Count() int {
	p.mu.Lock()
	conns := p.conns
	p.mu.Unlock()
	total := 0
	for _, n := range conns {
		total += n
	}
	return total
}

func main() {
	p := &Pool{conns: map[string]int{}}
	var wg sync.WaitGroup
	for g := range 3 {
		wg.Go(func() {
			for i := range 200 {
				p.Add(fmt.Sprint(g, "-", i%20), 1)
			}
		})
	}
	wg.Go(func() {
		for range 50 {
			_ = p.Count()
		}
	})
	wg.Wait()
	fmt.Println(p.Count(), p.Get("1-19"))
}
