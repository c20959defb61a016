// Command labeled_loop breaks and continues inner statements before the
// insert, and leaves the labelled loop only after it.
package main

import (
	"fmt"
	"testing"
)

// firstDigits maps each number to its first digit; it stops after a
// negative number, which is still recorded.
func firstDigits(xs []int) map[int]int {
	first := make(map[int]int)
numbers:
	for _, x := range xs {
		d := x
		for d >= 10 {
			d /= 10
			if d < 10 {
				break // the inner loop only
			}
		}
		switch {
		case d == 0:
			break // the switch only
		}
		first[x] = d
		if x < 0 {
			break numbers // after the insert
		}
	}
	return first
}

func main() {
	xs := make([]int, 1000)
	for i := range xs {
		xs[i] = i * 37
	}
	first := firstDigits(xs)
	fmt.Println(len(first), first[36963])
	fmt.Printf("allocs: %v\n", testing.AllocsPerRun(100, func() { firstDigits(xs) }))
}
