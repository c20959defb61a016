package main

import (
	"fmt"
	"sync"
)

type tally struct {
	mu sync.Mutex
	m  map[int]int
}

func (t *tally) add(k int) {
	t.mu.Lock()
	t.m[k]++
	t.mu.Unlock()
}

func (t *tally) reset() {
	t.mu.Lock()
	clear(t.m)
	t.mu.Unlock()
}

func (t *tally) sum() int {
	n := 0
	for _, v := range t.m {
		n += v
	}
	return n
}

func main() {
	t := &tally{m: map[int]int{}}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 500 {
				t.add(g*1000 + i)
				_ = t.sum()
			}
		}()
	}
	wg.Wait()
	fmt.Println(t.sum())
	t.reset()
}
