// Command no_lazy_make_else makes a map lazily, but its if has an else
// that empties the map it had: which branch ran decides what the map
// holds, and mapfix leaves lazy makes with an else alone. Nor does it
// touch a make under a condition other than X == nil.
package main

import "fmt"

type index struct {
	byName map[string]int
	fresh  bool
}

func (x *index) reload(names []string) {
	if x.byName == nil {
		x.byName = make(map[string]int)
	} else {
		clear(x.byName)
	}
	for i, n := range names {
		x.byName[n] = i
	}
}

func (x *index) rebuild(names []string) {
	if x.fresh {
		x.byName = make(map[string]int)
	}
	for i, n := range names {
		x.byName[n] = i
	}
}

func main() {
	x := &index{fresh: true}
	x.reload([]string{"a", "b"})
	x.rebuild([]string{"c"})
	fmt.Println(len(x.byName))
}
