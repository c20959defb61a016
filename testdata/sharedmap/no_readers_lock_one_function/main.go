package main

import (
	"fmt"
	"sync"
)

// Only one function reads the map under mu (Snapshot, which takes the
// lock for the counters beside it); Add writes without it. One function's
// lock is no convention: the write is not reported. (Add runs on one
// goroutine only, before Snapshot.)
type Stats struct {
	mu    sync.Mutex
	total int
	names map[string]int
}

func (s *Stats) Add(name string) {
	s.names[name]++
	s.mu.Lock()
	s.total++
	s.mu.Unlock()
}

func (s *Stats) Snapshot() (int, int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.total, len(s.names)
}

func main() {
	s := &Stats{names: map[string]int{}}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := range 50 {
			s.Add(fmt.Sprint(i % 7))
		}
	}()
	<-done
	fmt.Println(s.Snapshot())
}
