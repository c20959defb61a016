package main

import (
	"fmt"
	"os"
	"sync"
)

// expandLocked's name says its caller holds s.mu; the map accesses are in
// a callback that os.Expand calls before it returns, still under that lock.
type templates struct {
	mu   sync.Mutex
	vars map[string]string
	hits map[string]int
}

func (s *templates) expandLocked(t string) string {
	return os.Expand(t, func(k string) string {
		s.hits[k]++
		return s.vars[k]
	})
}

func (s *templates) Expand(t string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.expandLocked(t)
}

func (s *templates) Set(k, v string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.vars[k] = v
}

func (s *templates) Reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	clear(s.hits)
	for k := range s.vars {
		s.hits[k] = 0
	}
}

func (s *templates) Hits(k string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[k]
}

func main() {
	s := &templates{vars: map[string]string{}, hits: map[string]int{}}
	s.Set("who", "world")
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 50 {
				_ = s.Expand("hello $who")
			}
		})
	}
	wg.Go(func() { s.Set("who", "gopher") })
	wg.Go(s.Reset)
	wg.Wait()
	fmt.Println(s.Expand("$who") != "", s.Hits("nobody"))
}
