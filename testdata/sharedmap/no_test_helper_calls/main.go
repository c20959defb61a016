// Command no_test_helper_calls has a helper, add, that every caller in the
// package calls holding s.mu, except a test helper that fills a store step
// by step while nothing else runs: that call says nothing about the lock
// the real callers hold. (The shape of prometheus' scrapePool.sync, called
// from tests.)
package main

import (
	"fmt"
	"sync"
)

type store struct {
	mu sync.Mutex
	m  map[string]int
}

func newStore() *store { return &store{m: map[string]int{}} }

func (s *store) add(k string) { s.m[k]++ }

func (s *store) Add(k string) {
	s.mu.Lock()
	s.add(k)
	s.mu.Unlock()
}

func (s *store) Get(k string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.m[k]
}

func (s *store) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.m)
}

func main() {
	s := newStore()
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() { s.Add("a") })
	}
	wg.Wait()
	fmt.Println(s.Get("a"), s.Len())
}
