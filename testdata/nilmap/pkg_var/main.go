// Command pkg_var registers handlers in a package-level map that nothing
// makes.
package main

import "fmt"

// handlers maps a command to its handler.
var handlers map[string]func() string

func register(name string, h func() string) {
	handlers[name] = h
}

func main() {
	register("hello", func() string { return "hi" })
	register("bye", func() string { return "ciao" })
	fmt.Println(len(handlers), handlers["bye"]())
}
