// Command no_assign_existing reads map values into a variable declared
// earlier, which lives on after the loop.
package main

import "fmt"

type v struct{ N int }

func main() {
	m := map[string]v{"a": {1}}
	var last v
	for _, k := range []string{"a", "b"} {
		last = m[k]
		last.N++
	}
	fmt.Println(last)
}
