package main

import "testing"

var fixture = newStore()

func fill(s *store, keys ...string) {
	for _, k := range keys {
		s.add(k)
	}
}

func TestAdd(t *testing.T) {
	fill(fixture, "a", "b", "a")
	if got := fixture.Get("a"); got != 2 {
		t.Fatalf("Get(a) = %d, want 2", got)
	}
}
