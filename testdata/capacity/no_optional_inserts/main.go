// Command no_optional_inserts fills a label set from optional fields, each
// under its own if: up to ten entries, but maybe none. A hint of ten would
// be a guess; the map may well stay small.
package main

import "fmt"

type instance struct {
	a, b, c, d, e, f, g, h, i, j *string
}

func labels(in instance) map[string]string {
	m := map[string]string{}
	if in.a != nil {
		m["a"] = *in.a
	}
	if in.b != nil {
		m["b"] = *in.b
	}
	if in.c != nil {
		m["c"] = *in.c
	}
	if in.d != nil {
		m["d"] = *in.d
	}
	if in.e != nil {
		m["e"] = *in.e
	}
	if in.f != nil {
		m["f"] = *in.f
	}
	if in.g != nil {
		m["g"] = *in.g
	}
	if in.h != nil {
		m["h"] = *in.h
	}
	if in.i != nil {
		m["i"] = *in.i
	}
	if in.j != nil {
		m["j"] = *in.j
	}
	return m
}

func main() {
	s := "x"
	fmt.Println(len(labels(instance{a: &s})))
}
