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
		for i := range 2000 {
			m[i] = i
		}
	}()
	for i := range 2000 {
		m[-i] = i
	}
	wg.Wait()
	fmt.Println(len(m))
}
