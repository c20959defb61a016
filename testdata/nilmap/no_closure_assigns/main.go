// Command no_closure_assigns makes its map in a closure that runs first.
package main

import "fmt"

func main() {
	var m map[string]int
	reset := func() { m = map[string]int{} }
	reset()
	m["a"] = 1
	fmt.Println(len(m))
}
