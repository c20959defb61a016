// Command generic bumps a counter in a map of any key type.
package main

import "fmt"

type counter struct{ N int }

func bump[K comparable](m map[K]counter, k K) {
	c := m[k]
	c.N++
}

func main() {
	m := map[rune]counter{'a': {1}}
	fmt.Println("before:", m)
	bump(m, 'a')
	bump(m, 'b')
	fmt.Println("after:", m)
}
