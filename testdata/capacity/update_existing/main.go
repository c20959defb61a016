// Command update_existing compares the attributes of two nodes. The first
// loop fills seen with one entry per attribute of a; the second writes
// only keys it has just found in the map (it returns, or goes on to the
// next, when one is missing): it updates entries and adds none. The hint is
// len(a), not len(a)+len(b), which would be up to twice too big (restic's
// Node.sameExtendedAttributes).
package main

import (
	"fmt"
	"strconv"
	"testing"
)

type attr struct {
	name  string
	value string
}

// same reports whether b has exactly the attributes of a.
func same(a, b []attr) bool {
	seen := make(map[string]bool)
	for _, x := range a {
		seen[x.name] = false
	}
	for _, y := range b {
		_, ok := seen[y.name]
		if !ok {
			return false
		}
		seen[y.name] = true
	}
	for _, found := range seen {
		if !found {
			return false
		}
	}
	return true
}

// marked counts how many of b's names a has; the lookup and the exit
// share the if.
func marked(a, b []string) int {
	m := map[string]int{}
	for _, x := range a {
		m[x] = 0
	}
	for _, y := range b {
		if _, ok := m[y]; !ok {
			continue
		}
		m[y] = 1
	}
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

func main() {
	a := make([]attr, 200)
	names := make([]string, 200)
	for i := range a {
		a[i] = attr{name: "x" + strconv.Itoa(i), value: "v"}
		names[i] = a[i].name
	}
	fmt.Println(same(a, a), same(a, a[:1]), marked(names, names[:50]))
	fmt.Printf("allocs: %v\n", testing.AllocsPerRun(100, func() { same(a, a); marked(names, names[:50]) }))
}
