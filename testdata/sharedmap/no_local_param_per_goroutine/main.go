package main

import (
	"fmt"
	"sync"
)

// Each goroutine gets a map of its own, made in the loop: nothing shares
// the map the callee writes.
func fill(m map[int]int, n int) {
	for i := range n {
		m[i] = i * i
	}
}

func main() {
	sizes := make([]int, 4)
	var wg sync.WaitGroup
	for i := range 4 {
		m := map[int]int{}
		wg.Add(1)
		go func() {
			defer wg.Done()
			fill(m, i+1)
			sizes[i] = len(m)
		}()
	}
	wg.Wait()
	fmt.Println(sizes)
}
