// Command no_field_reset_other sets one map field to nil and writes into
// another, which its constructor makes and nothing resets.
package main

import "fmt"

type index struct {
	byName map[string]int
	stale  map[string]bool
}

func newIndex() *index {
	return &index{byName: map[string]int{}, stale: map[string]bool{}}
}

func (x *index) Add(name string, id int) { x.byName[name] = id }

func (x *index) Forget() { x.stale = nil }

func main() {
	x := newIndex()
	x.Add("a", 1)
	x.Forget()
	x.Add("b", 2)
	fmt.Println(len(x.byName), x.stale == nil)
}
