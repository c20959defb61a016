package main

import (
	"fmt"
	"sync"
)

func main() {
	var m sync.Map
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 100 {
				m.Store(g*100+i, i)
			}
		}()
	}
	wg.Wait()
	n := 0
	m.Range(func(_, _ any) bool { n++; return true })
	fmt.Println(n)
}
