// Command no_range_outer writes into the inner maps of the keys it ranges
// over.
package main

import "fmt"

func main() {
	m := map[string]map[string]int{"a": {}, "b": {}}
	for k := range m {
		m[k]["seen"] = 1
	}
	for k, inner := range m {
		if inner != nil {
			m[k]["again"] = 2
		}
	}
	fmt.Println(len(m["a"]))
}
