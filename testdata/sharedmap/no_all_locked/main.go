package main

import (
	"fmt"
	"sync"
)

type store struct {
	mu sync.Mutex
	m  map[int]int
}

func newStore() *store {
	s := &store{m: map[int]int{}}
	s.m[0] = 0 // before it escapes
	return s
}

func (s *store) put(k, v int) {
	s.mu.Lock()
	s.m[k] = v
	s.mu.Unlock()
}

func (s *store) len() int {
	s.mu.Lock()
	n := len(s.m)
	s.mu.Unlock()
	return n
}

func main() {
	s := newStore()
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 500 {
				s.put(g*1000+i, i)
			}
		}()
	}
	wg.Wait()
	fmt.Println(s.len())
}
