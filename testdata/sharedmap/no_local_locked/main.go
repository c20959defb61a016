package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	byWorker := map[int]int{}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 100 {
				mu.Lock()
				byWorker[g] += i
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	fmt.Println(byWorker[3])
}
