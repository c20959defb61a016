package main

import (
	"fmt"
	"sync"
)

func main() {
	got := map[int]int{}
	ch := make(chan int, 8)
	var wg sync.WaitGroup
	for g := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[g] = <-ch
		}()
	}
	ch <- 1
	ch <- 1
	wg.Wait()
	fmt.Println(len(got))
}
