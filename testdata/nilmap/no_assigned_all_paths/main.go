// Command no_assigned_all_paths assigns its map on every path before it
// writes into it.
package main

import "fmt"

func pick(big bool) map[string]int {
	var m map[string]int
	if big {
		m = make(map[string]int, 100)
	} else {
		m = map[string]int{}
	}
	m["x"] = 1
	return m
}

func main() {
	fmt.Println(len(pick(true)), len(pick(false)))
}
