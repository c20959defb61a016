// Command no_call_always_made writes into maps that its function makes on
// every path.
package main

import "fmt"

func index(names []string) map[string]int {
	if len(names) == 0 {
		return map[string]int{}
	}
	m := make(map[string]int, len(names))
	for i, n := range names {
		m[n] = i
	}
	return m
}

func main() {
	m := index(nil)
	m["extra"] = 1
	fmt.Println(m)
}
