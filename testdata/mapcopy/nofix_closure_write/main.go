// Command nofix_closure_write changes the copy in a function literal.
package main

import "fmt"

type t struct{ N int }

func each(f func()) { f() }

func main() {
	m := map[string]t{"a": {}}
	for _, v := range m {
		each(func() { v.N++ })
	}
	fmt.Println(m)
}
