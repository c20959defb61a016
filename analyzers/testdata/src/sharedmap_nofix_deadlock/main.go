package main

import (
	"fmt"
	"sync"
)

type Stats struct {
	mu sync.Mutex
	m  map[string]int
}

func (s *Stats) add(k string) {
	s.mu.Lock()
	s.m[k]++
	s.mu.Unlock()
}

func (s *Stats) get(k string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.m[k]
}

// copyTo copies k to "copy"; wrapping it would deadlock in get.
func (s *Stats) CopyTo(k string) {
	s.m["copy"] = s.get(k) // want `CopyTo writes map s\.m without mu, which guards its other accesses \(not fixed: wrapping it could deadlock: the statement calls code that takes mu\)`
}

func main() {
	s := &Stats{m: map[string]int{}}
	s.add("a")
	s.CopyTo("a")
	fmt.Println(s.get("copy"))
}
