// Command no_reassigned_whole assigns the copy as a whole after changing
// it: mapfix stays out of such code.
package main

import "fmt"

type item struct{ N int }

func main() {
	m := map[string]item{"a": {1}, "b": {2}}
	it := m["a"]
	it.N = 0
	it = m["b"]
	fmt.Println(it)
}
