// Command no_pointer_field writes through pointer fields of a copy: the
// pointed-to values are shared with the map.
package main

import "fmt"

type counters struct{ N int }

type limits struct{ Max int }

type entry struct {
	C *counters
	*limits
}

func main() {
	m := map[string]entry{"a": {&counters{}, &limits{}}}
	for _, e := range m {
		e.C.N++
		e.Max = 5 // promoted through the embedded pointer
	}
	e := m["a"]
	e.C.N += 10
	fmt.Println(m["a"].C.N, m["a"].Max)
}
