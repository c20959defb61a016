// Command no_partial_early_return makes its map under a condition and
// returns early on the paths where the condition is false.
package main

import "fmt"

func tally(xs []int, enabled bool) map[string]int {
	var m map[string]int
	if enabled {
		m = map[string]int{}
	}
	if !enabled {
		return nil
	}
	m["n"] = len(xs)
	return m
}

func main() {
	fmt.Println(tally([]int{1, 2}, true), tally(nil, false) == nil)
}
