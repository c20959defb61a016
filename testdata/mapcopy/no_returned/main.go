// Command no_returned returns an updated copy: the caller wants the copy.
package main

import "fmt"

type cfg struct {
	Name  string
	Debug bool
}

func withDebug(all map[string]cfg, name string) cfg {
	c := all[name]
	c.Debug = true
	return c
}

func main() {
	all := map[string]cfg{"x": {Name: "x"}}
	fmt.Println(withDebug(all, "x"), all)
}
