package main

import (
	"fmt"
	"sync"
)

var index = map[string]int{}

func add(word string, n int) {
	// Both spellings are indexed.
	index[word] = n
	index[word+"s"] = n
}

func main() {
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 300 {
				add(fmt.Sprint("w", g, "-", i), i)
			}
		}()
	}
	wg.Wait()
	fmt.Println(len(index))
}
