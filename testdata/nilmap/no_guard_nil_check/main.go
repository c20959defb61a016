// Command no_guard_nil_check makes the inner map when it is missing.
package main

import "fmt"

func main() {
	m := map[string]map[string]int{}
	for _, p := range [][2]string{{"a", "x"}, {"a", "y"}} {
		if m[p[0]] == nil {
			m[p[0]] = map[string]int{}
		}
		m[p[0]][p[1]]++
	}
	fmt.Println(len(m["a"]))
}
