package main

import (
	"fmt"
	"sync"
)

var hitsMu sync.Mutex

var hits = map[string]int{}

func hit(p string) {
	hitsMu.Lock()
	hits[p]++
	hitsMu.Unlock()
}

func total() int {
	hitsMu.Lock()
	defer hitsMu.Unlock()
	n := 0
	for _, v := range hits {
		n += v
	}
	return n
}

func forget(p string) {
	// Forget p.
	delete(hits, p)
}

func main() {
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 1000 {
				hit(fmt.Sprint(g))
				forget(fmt.Sprint(g, i))
			}
		}()
	}
	wg.Wait()
	fmt.Println(total())
}
