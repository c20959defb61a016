package main

import (
	"fmt"
	"sync"
)

var (
	mu    sync.Mutex
	queue = map[int]string{}
)

func push(k int, v string) {
	mu.Lock()
	defer mu.Unlock()
	queue[k] = v
	trim()
}

// trim drops old entries. The caller must hold mu.
func trim() {
	for k := range queue {
		if k < 0 {
			delete(queue, k)
		}
	}
}

func main() {
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 200 {
				push(g*1000+i, "x")
			}
		}()
	}
	wg.Wait()
	mu.Lock()
	fmt.Println(len(queue))
	mu.Unlock()
}
