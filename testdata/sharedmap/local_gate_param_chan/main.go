package main

import (
	"fmt"
	"sync"
)

// The collector waits for jobs, but jobs is the caller's channel, fed by a
// goroutine that waits for nothing: count's own writes race with it.
func count(jobs <-chan string) map[string]int {
	m := map[string]int{}
	var wg sync.WaitGroup
	wg.Go(func() {
		for j := range jobs {
			m[j]++
		}
	})
	for i := range 100 {
		m[fmt.Sprint("seed", i)] = i
	}
	wg.Wait()
	return m
}

func main() {
	jobs := make(chan string)
	go func() {
		for i := range 100 {
			jobs <- fmt.Sprint("job", i%10)
		}
		close(jobs)
	}()
	fmt.Println(len(count(jobs)))
}
