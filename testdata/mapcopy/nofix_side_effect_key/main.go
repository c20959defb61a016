// Command nofix_side_effect_key changes a copy read under a key that a
// call computes.
package main

import "fmt"

type slot struct{ Used bool }

var n int

func next() int {
	n++
	return n % 2
}

func main() {
	slots := map[int]slot{0: {}, 1: {}}
	s := slots[next()]
	s.Used = true
	fmt.Println(slots)
}
