package main

import (
	"fmt"
	"sync"
)

type stats struct {
	name string
	// hits counts the words seen.
	hits map[string]int
}

func (s *stats) run(words []string, wg *sync.WaitGroup) {
	defer wg.Done()
	for range 200 {
		for _, w := range words {
			s.hits[w]++
		}
	}
}

func (s *stats) total() int {
	n := 0
	for _, c := range s.hits {
		n += c
	}
	return n
}

func main() {
	s := &stats{name: "words", hits: map[string]int{}}
	words := []string{"a", "b", "c"}
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go s.run(words, &wg)
	}
	wg.Wait()
	fmt.Println(s.name, s.total())
}
