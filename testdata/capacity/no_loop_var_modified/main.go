// Command no_loop_var_modified changes the counter in the body.
package main

import "fmt"

func evens(n int) map[int]bool {
	m := make(map[int]bool)
	for i := 0; i < n; i++ {
		m[i] = true
		i++ // skips every other value
	}
	return m
}

func shrinking(xs []int) map[int]bool {
	m := make(map[int]bool)
	for i := 0; i < len(xs); i++ {
		m[xs[i]] = true
		xs = xs[:len(xs)-1] // the bound moves
	}
	return m
}

func main() {
	fmt.Println(len(evens(10)), len(shrinking([]int{1, 2, 3, 4})))
}
