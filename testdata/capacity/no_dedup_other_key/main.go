// Command no_dedup_other_key checks one key and inserts another: a filter,
// not a dedup, so the number of entries is not known.
package main

import "fmt"

type pair struct{ from, to string }

func targets(ps []pair) map[string]bool {
	m := make(map[string]bool)
	for _, p := range ps {
		if _, ok := m[p.from]; !ok {
			m[p.to] = true
		}
	}
	return m
}

func main() {
	fmt.Println(len(targets([]pair{{"a", "b"}, {"b", "c"}})))
}
