// Command no_existing_hint already sizes its maps.
package main

import "fmt"

const guess = 64

func sized(xs []int) (map[int]bool, map[int]bool) {
	a := make(map[int]bool, len(xs))
	for _, x := range xs {
		a[x] = true
	}
	b := make(map[int]bool, guess) // someone's choice; leave it
	for _, x := range xs {
		b[x] = true
	}
	return a, b
}

func main() {
	a, b := sized([]int{1, 2, 3})
	fmt.Println(len(a), len(b))
}
