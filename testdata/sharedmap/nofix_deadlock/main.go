package main

import (
	"fmt"
	"sync"
)

type stats struct {
	mu sync.Mutex
	m  map[string]int
}

func (s *stats) add(k string) {
	s.mu.Lock()
	s.m[k]++
	s.mu.Unlock()
}

func (s *stats) get(k string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.m[k]
}

// copyTo copies k to "copy"; wrapping it would deadlock in get.
func (s *stats) copyTo(k string) {
	s.m["copy"] = s.get(k)
}

func main() {
	s := &stats{m: map[string]int{}}
	s.add("a")
	s.copyTo("a")
	fmt.Println(s.get("copy"))
}
