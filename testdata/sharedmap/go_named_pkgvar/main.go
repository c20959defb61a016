package main

import (
	"fmt"
	"sync"
)

var counts = map[int]int{}

// worker tallies the residues of its share of the numbers.
func worker(g int, wg *sync.WaitGroup) {
	defer wg.Done()
	for i := range 1000 {
		counts[(g+i)%10]++
	}
}

func main() {
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go worker(g, &wg)
	}
	wg.Wait()
	fmt.Println(len(counts), counts[3])
}
