// Command no_early_exit skips keys whose inner map is missing.
package main

import "fmt"

func main() {
	m := map[string]map[string]int{"a": {}}
	for _, k := range []string{"a", "b"} {
		if m[k] == nil {
			continue
		}
		m[k]["n"]++
	}
	inner := m["a"]
	if len(m["a"]) > 0 {
		m["a"]["more"] = 1
	}
	fmt.Println(len(inner))
}
