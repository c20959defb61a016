// Command no_compared clears a field of a copy to compare the rest.
package main

import "fmt"

type rec struct {
	Name string
	At   int
}

func main() {
	m := map[string]rec{"a": {"x", 1}}
	old := m["a"]
	old.At = 0
	if old == (rec{Name: "x"}) {
		fmt.Println("same but for the time")
	}
}
