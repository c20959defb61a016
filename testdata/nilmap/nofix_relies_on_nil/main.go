// Command nofix_relies_on_nil returns its map while it is still nil on one
// path: making it up front would change what that path returns.
package main

import "fmt"

func index(names []string) (m map[string]int) {
	if len(names) == 0 {
		return // nil: no index at all
	}
	for i, n := range names {
		m[n] = i
	}
	return
}

func main() {
	fmt.Println(index(nil) == nil, len(index([]string{"a"})))
}
