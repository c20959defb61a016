// Command counted_for fills maps with three-clause for loops.
package main

import (
	"fmt"
	"testing"
)

// positions maps each key to its index.
func positions(keys []string) map[string]int {
	pos := make(map[string]int)
	for i := 0; i < len(keys); i++ {
		pos[keys[i]] = i // i is not touched in the body
	}
	return pos
}

// halves maps 0..n-1 to half their value.
func halves(n int) map[int]int {
	h := make(map[int]int) /* grown n times */
	for i := 0; i < n; i += 1 {
		h[i] = i / 2
	}
	return h
}

func main() {
	keys := make([]string, 1000)
	for i := range keys {
		keys[i] = fmt.Sprintf("k%04d", i)
	}
	pos, h := positions(keys), halves(1000)
	fmt.Println(len(pos), pos["k0500"], len(h), h[999])
	fmt.Printf("allocs: %v\n", testing.AllocsPerRun(100, func() { positions(keys); halves(1000) }))
}
