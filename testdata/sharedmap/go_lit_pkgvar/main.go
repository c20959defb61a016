package main

import (
	"fmt"
	"sync"
)

var seen = map[string]bool{}

func main() {
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 500 {
				seen[fmt.Sprint(g*1000+i)] = true
			}
		}()
	}
	wg.Wait()
	fmt.Println(len(seen))
}
