package main

import (
	"fmt"
	"sync"
)

func main() {
	counts := map[int]int{}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 1000 {
				counts[i%10] += g // want `map counts is written on a goroutine while another goroutine or its spawner can access it, with no lock`
			}
		}()
	}
	wg.Wait()
	fmt.Println(len(counts), counts[3])
}
