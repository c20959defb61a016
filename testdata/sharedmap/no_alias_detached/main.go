package main

import (
	"fmt"
	"sync"
)

// Flush swaps the pending map out under the lock and drains the old one
// after the unlock: nothing else can reach the old map, so the range
// needs no lock.
type Batcher struct {
	mu      sync.Mutex
	pending map[string]int
}

func (b *Batcher) Add(k string) {
	b.mu.Lock()
	b.pending[k]++
	b.mu.Unlock()
}

func (b *Batcher) Size() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.pending)
}

func (b *Batcher) Flush() int {
	b.mu.Lock()
	pending := b.pending
	b.pending = map[string]int{}
	b.mu.Unlock()
	n := 0
	for _, c := range pending {
		n += c
	}
	return n
}

func main() {
	b := &Batcher{pending: map[string]int{}}
	var wg sync.WaitGroup
	total := 0
	var mu sync.Mutex
	for g := range 3 {
		wg.Go(func() {
			for i := range 200 {
				b.Add(fmt.Sprint(g, i%10))
			}
		})
	}
	wg.Go(func() {
		for range 20 {
			n := b.Flush()
			mu.Lock()
			total += n
			mu.Unlock()
		}
	})
	wg.Wait()
	total += b.Flush()
	fmt.Println(total, b.Size())
}
