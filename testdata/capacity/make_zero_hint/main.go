// Command make_zero_hint replaces a literal zero hint.
package main

import (
	"fmt"
	"testing"
)

// double maps each value to its double.
func double(xs []int) map[int]int {
	d := make(map[int]int, 0 /* no idea yet */)
	for _, x := range xs {
		d[x] = 2 * x
	}
	return d
}

func main() {
	xs := make([]int, 1000)
	for i := range xs {
		xs[i] = i + 100
	}
	d := double(xs)
	fmt.Println(len(d), d[1099])
	fmt.Printf("allocs: %v\n", testing.AllocsPerRun(100, func() { double(xs) }))
}
