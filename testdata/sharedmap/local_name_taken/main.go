// The mutex the fix adds would be countsMu, which the package already
// declares for something else: the fix takes the next free name.
package main

import (
	"fmt"
	"sync"
)

// countsMu guards another map of the package, not the local below.
var countsMu sync.Mutex

var other = map[string]int{}

func bump(k string) {
	countsMu.Lock()
	other[k]++
	countsMu.Unlock()
}

func main() {
	bump("x")
	counts := map[int]int{}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 1000 {
				counts[i%10] += g
			}
		}()
	}
	wg.Wait()
	fmt.Println(len(counts), counts[3], other["x"])
}
