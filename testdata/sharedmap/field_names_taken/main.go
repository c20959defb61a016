// A struct whose map needs a mutex field, but mu and hitsMu are taken by
// fields of its own: the fix names the new field hitsMu2.
package main

import (
	"fmt"
	"sync"
)

type stats struct {
	mu       string // not a mutex: a unit of measure
	hitsMu   int    // a counter, despite its name
	duration string
	hits     map[string]int
}

func (s *stats) run(words []string, wg *sync.WaitGroup) {
	defer wg.Done()
	for _, w := range words {
		s.hits[w]++
	}
}

func main() {
	s := &stats{mu: "ms", duration: "1s", hits: map[string]int{}}
	words := []string{"a", "b", "c", "a"}
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go s.run(words, &wg)
	}
	wg.Wait()
	fmt.Println(s.mu, s.hitsMu, len(s.hits), s.hits["a"])
}
