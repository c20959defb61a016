// Command no_field_hoist_effects fills a field reached through a pointer
// from a call that has effects (it counts its calls). Declaring the call
// first would run it even when the pointer is nil and the assignment
// panics: mapfix leaves it alone.
package main

import (
	"fmt"
	"strings"
)

type userSet struct {
	Values map[string]struct{}
}

var loads int

func load(s string) []string {
	loads++
	return strings.Split(s, ",")
}

func parse(us *userSet, s string) {
	us.Values = make(map[string]struct{})
	for _, v := range load(s) {
		us.Values[v] = struct{}{}
	}
}

func main() {
	defer func() {
		fmt.Println(recover() != nil, loads) // true 0: the panic came first
	}()
	parse(nil, "a,b")
}
