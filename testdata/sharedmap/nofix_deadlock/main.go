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
	s.m["copy"] = s.get(k)
}

func main() {
	s := &Stats{m: map[string]int{}}
	s.add("a")
	s.CopyTo("a")
	fmt.Println(s.get("copy"))
}
