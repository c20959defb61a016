// Command var_decl declares maps with var and fills them.
package main

import (
	"fmt"
	"testing"
)

// invert swaps keys and values.
func invert(xs []int) (map[int]int, map[int]struct{}) {
	// Value to position.
	var pos = make(map[int]int)
	for i, x := range xs {
		pos[x] = i
	}
	var set map[int]struct{} = map[int]struct{}{} // typed var
	for _, x := range xs {
		set[x] = struct{}{}
	}
	return pos, set
}

func main() {
	xs := make([]int, 1000)
	for i := range xs {
		xs[i] = 7 * i
	}
	pos, set := invert(xs)
	fmt.Println(len(pos), pos[700], len(set))
	fmt.Printf("allocs: %v\n", testing.AllocsPerRun(100, func() { invert(xs) }))
}
