// Command no_loop_carried reads a copy in a loop that changes it: each
// iteration reads what the one before wrote.
package main

import "fmt"

type acc struct{ N int }

func main() {
	m := map[string]acc{"a": {1}}
	a := m["a"]
	for i := 0; i < 3; i++ {
		fmt.Println(a.N)
		a.N *= 2
	}
}
