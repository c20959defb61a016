package main

import (
	"fmt"
	"strings"
	"sync"
)

func main() {
	words := strings.Fields("a b c d a b a e f g")
	seen := map[string]int{}
	var wg sync.WaitGroup
	for range 50 {
		for _, w := range words {
			wg.Go(func() {
				seen[w]++
			})
		}
	}
	wg.Wait()
	fmt.Println(seen["a"], len(seen))
}
