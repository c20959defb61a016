package main

import (
	"fmt"
	"sync"
)

func main() {
	results := make([]int, 4)
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			local := map[int]int{}
			for i := range 100 {
				local[i%7] += g
			}
			results[g] = len(local)
		}()
	}
	wg.Wait()
	fmt.Println(results)
}
