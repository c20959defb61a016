// Command assign_eq assigns an existing variable with =.
package main

import (
	"fmt"
	"testing"
)

// count tallies ids; the map variable is declared up front.
func count(ids []int) int {
	var seen map[int]bool
	n := 0
	seen = make(map[int]bool) // want `map seen is filled with len\(ids\) entries right after it is made; give make a size hint`
	for _, id := range ids {
		seen[id] = true
	}
	for _, id := range ids {
		if seen[id+2] {
			n++
		}
	}
	return n
}

func main() {
	ids := make([]int, 1000)
	for i := range ids {
		ids[i] = i * 2
	}
	fmt.Println(count(ids))
	fmt.Printf("allocs: %v\n", testing.AllocsPerRun(100, func() { count(ids) }))
}
