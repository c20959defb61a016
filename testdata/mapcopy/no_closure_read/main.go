// Command no_closure_read reads the changed copy in a function literal.
package main

import "fmt"

type state struct{ Step int }

func main() {
	m := map[string]state{"s": {}}
	s := m["s"]
	show := func() { fmt.Println(s.Step) }
	s.Step = 4
	show()
}
