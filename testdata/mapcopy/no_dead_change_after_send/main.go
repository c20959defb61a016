// Command no_dead_change_after_send changes a copy, sends it, and changes
// it again before sending it once more: every change is read by a send.
package main

import "fmt"

type event struct {
	Kind string
	Seq  int
}

var templates = map[string]event{"tick": {Kind: "tick"}}

func emit(e event) { fmt.Println(e) }

func twice(name string) {
	e := templates[name]
	e.Seq = 1
	emit(e)
	e.Seq = 2
	emit(e)
}

func main() {
	twice("tick")
	fmt.Println(templates)
}
