package main

import "testing"

// The test calls addFor on a value of its own, with no lock.
func TestAddFor(t *testing.T) {
	p := &postings{m: map[string]int{}}
	p.addFor("x")
	if p.count("x") != 1 {
		t.Fatal(p.m)
	}
}
