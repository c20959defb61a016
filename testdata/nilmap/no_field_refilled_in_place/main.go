// Command no_field_refilled_in_place keeps a record that it resets to the
// zero value and re-makes, with its maps, before each use (tailscale's
// netlog): initLocked makes it whenever n says it is empty.
package main

import "fmt"

type record struct {
	conns map[string]int
}

type logger struct {
	rec record
	n   int
}

func newLogger() *logger {
	l := &logger{}
	l.rec = record{}
	return l
}

func (l *logger) initLocked() {
	if l.n != 0 {
		return
	}
	l.rec = record{conns: make(map[string]int)}
	l.n = 1
}

func (l *logger) count(conn string) {
	l.initLocked()
	l.rec.conns[conn]++
}

func (l *logger) flush() int {
	total := len(l.rec.conns)
	l.rec = record{}
	l.n = 0
	return total
}

func main() {
	l := newLogger()
	l.count("a")
	l.count("b")
	fmt.Println(l.flush())
	l.count("c")
	fmt.Println(l.flush())
}
