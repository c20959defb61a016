// Command no_goto_loop loops with goto: a read before the change runs
// after it.
package main

import "fmt"

type c struct{ N int }

func main() {
	m := map[string]c{"a": {}}
	x := m["a"]
again:
	fmt.Println(x.N)
	if x.N < 3 {
		x.N++
		goto again
	}
}
