// Command field_other_function_makes makes a storage with its parameters
// in one function and without them in another, which callers use the
// same way: the one without panics at the first parameter set (the
// VictoriaMetrics vmalert bug: Init made extraParams, NewVMStorage did
// not). Two kinds of value are exempt only when one function builds both.
package main

import "fmt"

type storage struct {
	name   string
	params map[string]string
}

func defaultStorage() *storage {
	return &storage{name: "default", params: map[string]string{"step": "1m"}}
}

func newStorage(name string) *storage {
	return &storage{name: name}
}

func (s *storage) set(k, v string) {
	s.params[k] = v
}

func main() {
	d := defaultStorage()
	d.set("round", "2")
	n := newStorage("other")
	n.set("round", "3")
	fmt.Println(len(d.params), len(n.params))
}
