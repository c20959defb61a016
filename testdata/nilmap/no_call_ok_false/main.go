// Command no_call_ok_false gets a nil map only with ok false, which the
// caller checks.
package main

import "fmt"

var known = map[string]map[string]int{"a": {"x": 1}}

func lookup(name string) (m map[string]int, ok bool) {
	if _, found := known[name]; !found {
		return m, false
	}
	m = known[name]
	return m, true
}

func main() {
	for _, s := range []string{"a", "b"} {
		m, ok := lookup(s)
		if !ok {
			continue
		}
		m["y"] = 2
		fmt.Println(m)
	}
}
