package main

import (
	"fmt"
	"sync"
)

func main() {
	squares := map[int]int{}
	for i := range 100 {
		squares[i] = i * i
	}
	sums := make([]int, 4)
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k, v := range squares {
				if k%4 == g {
					sums[g] += v
				}
			}
		}()
	}
	wg.Wait()
	fmt.Println(sums)
}
