// Command field_generic adds to a generic set whose constructor leaves the
// map field nil.
package main

import "fmt"

// Set is a set of comparable values.
type Set[K comparable] struct {
	items map[K]struct{}
}

// NewSet makes an empty set.
func NewSet[K comparable]() *Set[K] { return &Set[K]{} }

// Add puts k in the set.
func (s *Set[K]) Add(k K) {
	s.items[k] = struct{}{}
}

func main() {
	s := NewSet[int]()
	s.Add(1)
	s.Add(2)
	s.Add(1)
	fmt.Println(len(s.items))
}
