// Command struct_literal_field makes a struct whose map fields start
// empty in its literal, then fills them from maps of known size further
// down: each empty map in the literal gets the hint.
package main

import (
	"fmt"
	"strconv"
	"testing"
)

type snapshot struct {
	version int
	files   map[string]int
	owners  map[string]string
}

// next copies s into a new snapshot one version later.
func (s snapshot) next() *snapshot {
	n := &snapshot{
		version: s.version + 1,
		files:   map[string]int{}, // copied below
		owners:  make(map[string]string),
	}
	for k, v := range s.files {
		n.files[k] = v
	}
	for k, v := range s.owners {
		n.owners[k] = v
	}
	return n
}

func main() {
	s := snapshot{files: map[string]int{}, owners: map[string]string{}}
	for i := range 500 {
		s.files["f"+strconv.Itoa(i)] = i
		s.owners["f"+strconv.Itoa(i)] = "u" + strconv.Itoa(i%7)
	}
	n := s.next()
	fmt.Println(n.version, len(n.files), len(n.owners), n.files["f499"], n.owners["f499"])
	fmt.Printf("allocs: %v\n", testing.AllocsPerRun(50, func() { s.next() }))
}
