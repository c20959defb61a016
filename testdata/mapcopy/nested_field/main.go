// Command nested_field raises a limit held in a struct inside the value.
package main

import "fmt"

type limits struct{ Max, Burst int }

type tenant struct {
	Name   string
	Limits limits
}

func raise(tenants map[string]tenant, name string) {
	t := tenants[name]
	t.Limits.Max *= 2
}

func main() {
	tenants := map[string]tenant{"acme": {"Acme", limits{10, 2}}}
	fmt.Println("before:", tenants)
	raise(tenants, "acme")
	fmt.Println("after:", tenants)
}
