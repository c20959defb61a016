// Command errgroup_local counts word lengths in goroutines started by an
// errgroup.Group, all writing one local map with no lock.
package main

import (
	"fmt"
	"strings"

	"golang.org/x/sync/errgroup"
)

func main() {
	words := strings.Fields("go map race lock unlock wait group")
	byLen := map[int]int{}
	var g errgroup.Group
	for range 40 {
		for _, w := range words {
			g.Go(func() error {
				byLen[len(w)]++
				return nil
			})
		}
	}
	if err := g.Wait(); err != nil {
		fmt.Println(err)
	}
	fmt.Println(byLen[2], byLen[4], len(byLen))
}
