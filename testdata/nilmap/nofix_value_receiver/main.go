// Command nofix_value_receiver writes a map field through a value
// receiver: a nil check there would fill only the copy.
package main

import "fmt"

type tally struct {
	counts map[string]int
}

func newTally() tally { return tally{} }

func (t tally) add(k string) {
	t.counts[k]++
}

func main() {
	t := newTally()
	t.add("a")
	fmt.Println(len(t.counts))
}
