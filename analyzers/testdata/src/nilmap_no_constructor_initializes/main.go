// Command no_constructor_initializes makes every map field in its only
// constructor.
package main

import "fmt"

type index struct {
	byName map[string]int
	byID   map[int]string
}

func newIndex() *index {
	return &index{byName: map[string]int{}, byID: make(map[int]string)}
}

func (x *index) add(id int, name string) {
	x.byName[name] = id
	x.byID[id] = name
}

func main() {
	x := newIndex()
	x.add(1, "a")
	fmt.Println(len(x.byName), len(x.byID))
}
