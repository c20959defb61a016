package main

import (
	"fmt"
	"sync"
)

type pool struct {
	mu  sync.Mutex
	txs map[int]string
}

func (p *pool) add(i int, s string) {
	p.mu.Lock()
	p.txs[i] = s
	p.mu.Unlock()
}

func (p *pool) drop(i int) {
	p.mu.Lock()
	delete(p.txs, i)
	p.mu.Unlock()
}

func main() {
	p := &pool{txs: map[int]string{}}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p.add(g, "tx")
			p.drop(g + 100)
		}()
	}
	wg.Wait()
	p.mu.Lock()
	fmt.Println(len(p.txs))
	p.mu.Unlock()
}
