package main

import "testing"

func TestTake(t *testing.T) {
	q := newQueue()
	q.items[1] = "a"
	expect := func(id int, want string) {
		if got := q.take(id); got != want {
			t.Fatalf("take(%d) = %q, want %q", id, got, want)
		}
	}
	expect(1, "a")
	expect(1, "")
}
