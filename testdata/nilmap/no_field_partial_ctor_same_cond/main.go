// Command no_field_partial_ctor_same_cond makes the map field when a
// package setting is on, and writes into it under the same setting.
package main

import "fmt"

var tracing = false

// Span times a call.
type Span struct {
	name  string
	attrs map[string]string
}

// Start starts a span.
func Start(name string) *Span {
	s := &Span{name: name}
	if tracing {
		s.attrs = map[string]string{}
	}
	return s
}

// Set records an attribute when tracing is on.
func (s *Span) Set(k, v string) {
	if !tracing {
		return
	}
	s.attrs[k] = v
}

func main() {
	s := Start("main")
	s.Set("k", "v")
	fmt.Println(s.name, len(s.attrs))
}
