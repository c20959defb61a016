// Command no_nested_map_insert writes into inner maps, not into the map
// that was made.
package main

import "fmt"

type pair struct{ a, b string }

func group(ps []pair) map[string]map[string]bool {
	m := make(map[string]map[string]bool)
	for _, p := range ps {
		if m[p.a] == nil {
			m[p.a] = map[string]bool{}
		}
		m[p.a][p.b] = true
	}
	return m
}

func fill(ps []pair) map[string]map[string]bool {
	m := make(map[string]map[string]bool)
	for _, p := range ps {
		m[p.a][p.b] = true // panics unless ps is empty
	}
	return m
}

func main() {
	fmt.Println(len(group([]pair{{"x", "y"}, {"x", "z"}})), len(fill(nil)))
}
