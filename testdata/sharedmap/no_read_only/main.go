package main

import (
	"fmt"
	"sync"
)

func main() {
	names := map[int]string{1: "a", 2: "b", 3: "c"}
	out := make([]int, 4)
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 100 {
				out[g] += len(names[i%4])
			}
		}()
	}
	wg.Wait()
	fmt.Println(out)
}
