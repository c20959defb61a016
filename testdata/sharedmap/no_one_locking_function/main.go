package main

import (
	"fmt"
	"io"
	"os"
	"sort"
	"sync"
)

// Only Track locks diffmu around diffs; Write reads diffs once the work is
// over, holding another of the store's mutexes (hugo's metrics store). One
// function's habit is no convention that Write breaks.
type store struct {
	mu      sync.Mutex
	timings map[string]int
	diffmu  sync.Mutex
	diffs   map[string]int
}

func (s *store) Measure(k string, d int) {
	s.mu.Lock()
	s.timings[k] += d
	s.mu.Unlock()
}

func (s *store) Track(k string, v int) {
	s.diffmu.Lock()
	old, ok := s.diffs[k]
	if !ok || v > old {
		s.diffs[k] = v
	}
	s.diffmu.Unlock()
}

func (s *store) Write(w io.Writer) {
	s.mu.Lock()
	keys := make([]string, 0, len(s.timings))
	for k := range s.timings {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintln(w, k, s.timings[k], s.diffs[k])
	}
	s.mu.Unlock()
}

func main() {
	s := &store{timings: map[string]int{}, diffs: map[string]int{}}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range 10 {
				k := fmt.Sprint("tpl", i%3)
				s.Measure(k, 1)
				s.Track(k, g)
			}
		})
	}
	wg.Wait()
	s.Write(os.Stdout)
}
