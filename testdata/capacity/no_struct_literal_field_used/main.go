// Command no_struct_literal_field_used makes a struct with an empty map
// field and fills it from a slice, but hands the struct to a function
// first, which may insert into the map: the size of the slice no longer
// bounds what the map holds, and mapfix leaves it alone. Nor does it
// touch a literal assigned to something other than a variable.
package main

import "fmt"

type registry struct {
	names map[string]int
}

func seed(r *registry) { r.names["root"] = 0 }

func build(names []string) *registry {
	r := &registry{names: map[string]int{}}
	seed(r)
	for i, n := range names {
		r.names[n] = i + 1
	}
	return r
}

var regs = make([]*registry, 1)

func buildInto(names []string) {
	regs[0] = &registry{names: map[string]int{}}
	for i, n := range names {
		regs[0].names[n] = i
	}
}

func main() {
	buildInto([]string{"a"})
	fmt.Println(len(build([]string{"a", "b"}).names), len(regs[0].names))
}
