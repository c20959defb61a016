// Command no_map_used_between uses the map before the loop fills it.
package main

import "fmt"

func register(m map[string]int) { m["builtin"] = -1 }

func build(names []string) map[string]int {
	m := make(map[string]int)
	register(m) // the map escapes before it is filled
	for i, n := range names {
		m[n] = i
	}
	return m
}

func main() {
	fmt.Println(len(build([]string{"a", "b"})))
}
