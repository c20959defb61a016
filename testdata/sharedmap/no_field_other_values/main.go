package main

import (
	"fmt"
	"sync"
)

type bucket struct {
	items map[int]bool
}

func (b *bucket) fill(from int, wg *sync.WaitGroup) {
	defer wg.Done()
	for i := range 100 {
		b.items[from+i] = true
	}
}

func main() {
	a := &bucket{items: map[int]bool{}}
	b := &bucket{items: map[int]bool{}}
	var wg sync.WaitGroup
	wg.Add(2)
	go a.fill(0, &wg)
	go b.fill(100, &wg)
	wg.Wait()
	fmt.Println(len(a.items), len(b.items))
}
