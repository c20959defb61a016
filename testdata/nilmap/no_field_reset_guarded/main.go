// Command no_field_reset_guarded sets its cache to nil on Reset, and every
// write makes it again first: nothing to report.
package main

import "fmt"

type memo struct {
	cache map[int]int
}

func (m *memo) Square(n int) int {
	if v, ok := m.cache[n]; ok {
		return v
	}
	if m.cache == nil {
		m.cache = map[int]int{}
	}
	m.cache[n] = n * n
	return n * n
}

func (m *memo) Reset() { m.cache = nil }

func main() {
	m := &memo{}
	fmt.Println(m.Square(3))
	m.Reset()
	fmt.Println(m.Square(4))
}
