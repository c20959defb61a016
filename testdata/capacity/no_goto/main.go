// Command no_goto jumps around the insert.
package main

import "fmt"

func odd(xs []int) map[int]bool {
	m := make(map[int]bool)
	for _, x := range xs {
		if x%2 == 0 {
			goto next
		}
		m[x] = true
	next:
	}
	return m
}

func main() {
	fmt.Println(len(odd([]int{1, 2, 3})))
}
