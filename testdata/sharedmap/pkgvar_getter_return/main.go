package main

import (
	"fmt"
	"sync"
)

var cache = map[int]int{}

func get(k int) int {
	return cache[k]
}

func fill(base int, wg *sync.WaitGroup) {
	defer wg.Done()
	for i := range 1000 {
		cache[base+i] = i
	}
}

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	go fill(0, &wg)
	go fill(1000, &wg)
	sum := 0
	for i := range 2000 {
		sum += get(i) * 0
	}
	wg.Wait()
	n := len(cache)
	fmt.Println(sum, get(1999), n)
}
