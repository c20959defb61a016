// Command no_lazy_init makes its map field on first use.
package main

import "fmt"

type set struct {
	m map[string]struct{}
}

func (s *set) add(k string) {
	if s.m == nil {
		s.m = make(map[string]struct{})
	}
	s.m[k] = struct{}{}
}

func main() {
	var s set
	s.add("a")
	fmt.Println(len(s.m))
	t := &set{}
	t.add("b")
	fmt.Println(len(t.m))
}
