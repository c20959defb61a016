// Command ptr_array ranges over a pointer to an array.
package main

import (
	"fmt"
	"testing"
)

type table [1000]int

// lookup maps each value of the table to its index.
func lookup(t *table) map[int]int {
	at := make(map[int]int)
	for i, v := range t {
		at[v] = i
	}
	return at
}

func main() {
	var t table
	for i := range t {
		t[i] = 3 * i
	}
	at := lookup(&t)
	fmt.Println(len(at), at[2997])
	fmt.Printf("allocs: %v\n", testing.AllocsPerRun(100, func() { lookup(&t) }))
}
