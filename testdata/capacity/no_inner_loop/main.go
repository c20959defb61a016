// Command no_inner_loop inserts in an inner loop: n*m entries, not n.
package main

import "fmt"

func pairs(xs []int) map[[2]int]bool {
	m := make(map[[2]int]bool)
	for _, a := range xs {
		for _, b := range xs {
			m[[2]int{a, b}] = true
		}
	}
	return m
}

func main() {
	fmt.Println(len(pairs([]int{1, 2, 3})))
}
