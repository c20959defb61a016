// Command no_batch_worker_pkgvar dedups a batch with a worker goroutine
// that process waits for: the worker's loop runs per item of one call, and
// the package map it fills holds at most the items process was given.
package main

import (
	"fmt"
	"os"
	"strconv"
	"sync"
)

var seen = map[string]bool{}

func process(items []string) {
	ch := make(chan string)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for it := range ch {
			seen[it] = true
		}
	}()
	for _, it := range items {
		ch <- it
	}
	close(ch)
	wg.Wait()
}

func main() {
	n := 10
	if len(os.Args) > 1 {
		n, _ = strconv.Atoi(os.Args[1])
	}
	items := make([]string, n)
	for i := range items {
		items[i] = strconv.Itoa(i % 4)
	}
	process(items)
	fmt.Println("len:", len(seen))
}
