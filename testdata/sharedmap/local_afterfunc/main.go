package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	fired := map[int]bool{}
	var wg sync.WaitGroup
	for i := range 200 {
		wg.Add(1)
		time.AfterFunc(time.Millisecond, func() {
			defer wg.Done()
			fired[i] = true
		})
	}
	wg.Wait()
	fmt.Println(len(fired))
}
