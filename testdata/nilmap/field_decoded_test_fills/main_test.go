package main

import "testing"

func TestUpsert(t *testing.T) {
	s := newState()
	if err := s.restore([]byte(`{"Index": 1}`)); err != nil {
		t.Fatal(err)
	}
	s.data.Members = map[string]int{}
	s.upsert("a", 1)
	if s.data.Members["a"] != 1 {
		t.Fatal(s.data.Members)
	}
}
