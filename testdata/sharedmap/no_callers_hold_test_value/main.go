package main

import (
	"fmt"
	"sync"
)

type postings struct {
	mtx sync.Mutex
	m   map[string]int
}

func (p *postings) add(names []string) {
	p.mtx.Lock()
	for _, n := range names {
		p.addFor(n)
	}
	p.mtx.Unlock()
}

func (p *postings) count(n string) int {
	p.mtx.Lock()
	defer p.mtx.Unlock()
	return p.m[n]
}

func (p *postings) remove(n string) {
	p.mtx.Lock()
	delete(p.m, n)
	p.mtx.Unlock()
}

// addFor needs p.mtx held.
func (p *postings) addFor(n string) {
	p.m[n]++
}

func main() {
	p := &postings{m: map[string]int{}}
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p.add([]string{"a", "b", "a", "c"})
			p.remove("c")
		}()
	}
	wg.Wait()
	fmt.Println(p.count("a"), p.count("b"))
}
