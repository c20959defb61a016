package main

import (
	"fmt"
	"sync"
)

type pool struct {
	mu   sync.Mutex
	free map[int]bool
}

func newPool(n int) *pool {
	p := &pool{free: map[int]bool{}}
	for i := range n {
		p.free[i] = true
	}
	return p
}

func (p *pool) take(i int) {
	p.mu.Lock()
	delete(p.free, i)
	p.mu.Unlock()
}

func (p *pool) size() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.free)
}

func main() {
	p := newPool(100)
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 25 {
				p.take(g*25 + i)
			}
		}()
	}
	wg.Wait()
	fmt.Println(p.size())
}
