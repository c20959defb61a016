package main

import (
	"fmt"
	"sync"
	"time"
)

var (
	ticks = map[int]bool{}
	wg    sync.WaitGroup
)

func tick() {
	defer wg.Done()
	for i := range 1000 {
		ticks[i] = true
	}
}

func main() {
	wg.Add(1)
	time.AfterFunc(time.Millisecond, tick)
	for i := range 20000 {
		ticks[-1-i%1000] = true
	}
	wg.Wait()
	fmt.Println(len(ticks))
}
