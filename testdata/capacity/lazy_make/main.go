// Command lazy_make makes a map the first time it is needed, then fills it
// from a slice whose length is known: the lazy make gets the hint. When the
// map was made before, the hint is not evaluated and changes nothing.
package main

import (
	"fmt"
	"strconv"
	"testing"
)

type index struct {
	byName map[string]int
}

// load adds names to the index, in order.
func (x *index) load(names []string) {
	if x.byName == nil {
		// First use.
		x.byName = make(map[string]int)
	}
	for i, n := range names {
		x.byName[n] = i
	}
}

func main() {
	names := make([]string, 1000)
	for i := range names {
		names[i] = "n" + strconv.Itoa(i)
	}
	x := &index{}
	x.load(names)
	x.load([]string{"extra"})
	fmt.Println(len(x.byName), x.byName["n999"], x.byName["extra"])
	fmt.Printf("allocs: %v\n", testing.AllocsPerRun(100, func() { (&index{}).load(names) }))
}
