// Command no_field_partial_ctor_flag makes the cache only when caching is
// on, and writes into it only when the flag it keeps says so: the write is
// correlated with the making, which nilmap cannot follow.
package main

import "fmt"

// Store caches what it loads when asked to.
type Store struct {
	caching bool
	cache   map[string]int
}

// NewStore makes a store.
func NewStore(caching bool) *Store {
	s := &Store{caching: caching}
	if caching {
		s.cache = make(map[string]int)
	}
	return s
}

// Load loads a value, and caches it when caching is on.
func (s *Store) Load(k string) int {
	v := len(k)
	if s.caching {
		s.cache[k] = v
	}
	return v
}

func main() {
	a, b := NewStore(false), NewStore(true)
	fmt.Println(a.Load("x"), b.Load("yy"), len(b.cache))
}
