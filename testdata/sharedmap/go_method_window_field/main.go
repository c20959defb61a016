package main

import (
	"fmt"
	"sync"
)

type tally struct {
	counts map[int]int
}

func (t *tally) produce(wg *sync.WaitGroup) {
	defer wg.Done()
	for i := range 2000 {
		t.counts[i%50]++
	}
}

func (t *tally) run() {
	var wg sync.WaitGroup
	wg.Add(1)
	go t.produce(&wg)
	for i := range 2000 {
		t.counts[50+i%50]++
	}
	wg.Wait()
}

func main() {
	t := &tally{counts: map[int]int{}}
	t.run()
	fmt.Println(len(t.counts), t.counts[7], t.counts[57])
}
