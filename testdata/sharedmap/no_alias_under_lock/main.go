package main

import (
	"fmt"
	"sync"
)

// Sum names the map through a local, but uses it while it holds the lock.
type Stats struct {
	mu   sync.Mutex
	hits map[string]int
}

func (s *Stats) Hit(k string) {
	s.mu.Lock()
	s.hits[k]++
	s.mu.Unlock()
}

func (s *Stats) Reset() {
	s.mu.Lock()
	clear(s.hits)
	s.mu.Unlock()
}

func (s *Stats) Sum() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	hits := s.hits
	n := 0
	for _, c := range hits {
		n += c
	}
	return n
}

func main() {
	s := &Stats{hits: map[string]int{}}
	var wg sync.WaitGroup
	for g := range 3 {
		wg.Go(func() {
			for i := range 100 {
				s.Hit(fmt.Sprint(g, i%10))
				_ = s.Sum()
			}
		})
	}
	wg.Wait()
	fmt.Println(s.Sum())
	s.Reset()
	fmt.Println(s.Sum())
}
