package main

import (
	"fmt"
	"sync"
)

var totals = map[string]int{}

func fill(wg *sync.WaitGroup) {
	defer wg.Done()
	for i := range 100 {
		totals[fmt.Sprint(i%7)] += i
	}
}

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go fill(&wg)
	wg.Wait()
	totals["extra"] = 1
	fmt.Println(len(totals), totals["3"])
}
