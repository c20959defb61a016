// Command nofix_pkg_var_observed writes into a package-level map that
// nothing makes, but also tells "nothing registered yet" by the map being
// nil: making it where it is declared would change that answer, so the
// write is reported without a fix.
package main

import "fmt"

var handlers map[string]func() string

func register(name string, h func() string) {
	handlers[name] = h
}

func registered() bool { return handlers != nil }

func main() {
	fmt.Println(registered())
	register("hello", func() string { return "hi" })
}
