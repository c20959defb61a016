// Command no_correlated_branches makes its map only when it will write
// into it: the paths that skip the make skip the writes too.
package main

import "fmt"

func collect(xs []string, want bool) map[string]bool {
	var m map[string]bool
	if want {
		m = make(map[string]bool)
	}
	for _, x := range xs {
		if want {
			m[x] = true
		}
	}
	return m
}

func main() {
	fmt.Println(len(collect([]string{"a"}, true)), collect(nil, false) == nil)
}
