// Command named_map_type disables every plugin of a registry, a named map
// type with methods.
package main

import "fmt"

type plugin struct{ Enabled bool }

type registry map[string]plugin

func (r registry) disableAll() {
	for name, p := range r {
		p.Enabled = false
		fmt.Println("disabled", name)
	}
}

func main() {
	r := registry{"gzip": {true}}
	fmt.Println("before:", r)
	r.disableAll()
	fmt.Println("after:", r)
}
