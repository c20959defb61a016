// Command named_result builds an index in a named result.
package main

import "fmt"

// index maps each name to its position.
func index(names []string) (pos map[string]int) {
	// Later names win.
	for i, n := range names {
		pos[n] = i
	}
	return
}

func main() {
	p := index([]string{"a", "b", "a"})
	fmt.Println(p["a"], p["b"], len(p))
}
