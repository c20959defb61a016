// Command no_inner_alias checks the inner map through a local copy of it.
package main

import "fmt"

func main() {
	m := map[string]map[string]int{}
	for _, p := range [][2]string{{"a", "x"}, {"a", "y"}} {
		inner := m[p[0]]
		if inner == nil {
			inner = make(map[string]int)
			m[p[0]] = inner
		}
		m[p[0]][p[1]]++
	}
	fmt.Println(len(m["a"]))
}
