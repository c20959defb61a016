// Command range_int builds a table of squares with range over an integer.
package main

import (
	"fmt"
	"testing"
)

// squares maps 0..n-1 to their squares.
func squares(n int) map[int]int {
	sq := make(map[int]int)
	// range over int: exactly n iterations.
	for i := range n {
		sq[i] = i * i
	}
	return sq
}

func main() {
	sq := squares(1000)
	sum := 0
	for _, v := range sq {
		sum += v
	}
	fmt.Println(len(sq), sum)
	fmt.Printf("allocs: %v\n", testing.AllocsPerRun(100, func() { squares(1000) }))
}
