// Command no_interface_values holds struct values behind an interface:
// no field can be assigned.
package main

import "fmt"

type shape interface{ Area() int }

type sq struct{ S int }

func (s sq) Area() int { return s.S * s.S }

func main() {
	m := map[string]shape{"a": sq{2}}
	for _, s := range m {
		if q, ok := s.(sq); ok {
			q.S = 3
			fmt.Println(q.Area())
		}
	}
}
