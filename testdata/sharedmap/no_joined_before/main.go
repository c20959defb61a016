package main

import (
	"fmt"
	"sync"
)

func main() {
	m := map[int]int{}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := range 100 {
			m[i] = i
		}
	}()
	wg.Wait()
	m[-1] = 1
	fmt.Println(len(m))
}
