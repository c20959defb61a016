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
	s.Used = true // want `s is a copy of the map value slots\[next\(\)\]: this change to s\.Used is lost unless it is stored back \(not fixed: the key next\(\) may have side effects, and storing back would evaluate it again\)`
	fmt.Println(slots)
}
