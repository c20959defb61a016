// Command no_field_two_kinds builds two kinds of reader in one
// constructor: one for the old format, which keeps its events in a slice
// and never reaches the ordering, and one for the current format, made
// with the ordering's map in place. The old kind has no map on purpose;
// the writes run only for the current kind (the standard library's
// internal/trace.NewReader).
package main

import "fmt"

type ordering struct {
	states map[int]string
}

func (o *ordering) advance(id int, s string) {
	o.states[id] = s
}

type reader struct {
	legacy []string
	order  ordering
	next   int
}

func newReader(version int, events []string) *reader {
	switch version {
	case 1:
		return &reader{legacy: events}
	default:
		return &reader{order: ordering{states: make(map[int]string)}}
	}
}

func (r *reader) read(s string) string {
	if r.legacy != nil {
		if r.next >= len(r.legacy) {
			return ""
		}
		r.next++
		return r.legacy[r.next-1]
	}
	r.order.advance(r.next, s)
	r.next++
	return s
}

func main() {
	old := newReader(1, []string{"a", "b"})
	cur := newReader(2, nil)
	fmt.Println(old.read("x"), old.read("y"), cur.read("z"), len(cur.order.states))
}
