// Command no_method_own_lazy_or_conditional calls methods of its own map
// types on nil maps: one makes the map through a pointer receiver, one
// writes only for a non-empty key, one only reads.
package main

import "fmt"

type counts map[string]int

// Inc makes the map when it is nil.
func (c *counts) Inc(k string) {
	if *c == nil {
		*c = counts{}
	}
	(*c)[k]++
}

type tags map[string]bool

// AddNonEmpty writes only when k is not empty.
func (t tags) AddNonEmpty(k string) {
	if k == "" {
		return
	}
	t[k] = true
}

// Has reads.
func (t tags) Has(k string) bool { return t[k] }

func main() {
	var c counts
	c.Inc("a")
	var t tags
	t.AddNonEmpty("")
	fmt.Println(c["a"], t.Has("x"), len(t))
}
