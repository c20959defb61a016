// Command no_closure_insert inserts from a closure, which may run any
// number of times.
package main

import "fmt"

func deferred(xs []int) map[int]bool {
	m := make(map[int]bool)
	var later []func()
	for _, x := range xs {
		later = append(later, func() { m[x] = true })
	}
	for _, f := range later[:1] {
		f()
	}
	return m
}

func main() {
	fmt.Println(len(deferred([]int{1, 2, 3})))
}
