package main

import (
	"fmt"
	"sync"
)

type result struct {
	words map[string]int
}

var out = make([]int, 4)

func count(g int, text []string, wg *sync.WaitGroup) {
	defer wg.Done()
	r := &result{words: map[string]int{}}
	for _, w := range text {
		r.words[w]++
	}
	out[g] = len(r.words)
}

func main() {
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go count(g, []string{"a", "b", "a"}, &wg)
	}
	wg.Wait()
	fmt.Println(out)
}
