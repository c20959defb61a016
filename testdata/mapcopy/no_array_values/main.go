// Command no_array_values changes a copy of an array map value: arrays are
// left alone.
package main

import "fmt"

func main() {
	m := map[string][3]int{"a": {}}
	a := m["a"]
	a[0] = 1
	for _, b := range m {
		b[1] = 2
	}
	fmt.Println(m)
}
