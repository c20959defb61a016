// Command no_guard_other_source guards the loop with the length of another
// slice: when it is empty, nothing is inserted, whatever len(names) says.
package main

import "fmt"

func index(flags, names []string) map[string]int {
	m := make(map[string]int)
	if len(flags) > 0 {
		for i, n := range names {
			m[n] = i
		}
	}
	return m
}

func main() {
	fmt.Println(len(index(nil, []string{"a", "b"})))
}
