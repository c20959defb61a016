package main

import (
	"fmt"
	"sync"
)

type counter struct {
	n map[int]int
}

func (c *counter) run(wg *sync.WaitGroup) {
	defer wg.Done()
	for i := range 100 {
		c.n[i%3]++
	}
}

func main() {
	var wg sync.WaitGroup
	all := make([]*counter, 4)
	for g := range 4 {
		c := &counter{n: map[int]int{}}
		all[g] = c
		wg.Add(1)
		go c.run(&wg)
	}
	wg.Wait()
	fmt.Println(len(all[0].n), all[3].n[1])
}
