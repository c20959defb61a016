// Command no_conditional_insert inserts only some elements: the count is
// not known.
package main

import "fmt"

func positives(xs []int) map[int]bool {
	m := make(map[int]bool)
	for _, x := range xs {
		if x > 0 {
			m[x] = true // only under the if
		}
	}
	return m
}

func main() {
	fmt.Println(len(positives([]int{-1, 2, 3})))
}
