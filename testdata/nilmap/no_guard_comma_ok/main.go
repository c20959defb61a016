// Command no_guard_comma_ok makes the inner map when the key is missing.
package main

import "fmt"

func main() {
	m := map[string]map[string]bool{}
	for _, p := range [][2]string{{"a", "x"}, {"b", "y"}} {
		k := p[0]
		if _, ok := m[k]; !ok {
			m[k] = make(map[string]bool)
		}
		m[k][p[1]] = true
	}
	fmt.Println(len(m))
}
