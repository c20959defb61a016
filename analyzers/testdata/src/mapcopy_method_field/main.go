// Command method_field touches cache entries held in a struct's map.
package main

import "fmt"

type entry struct {
	Value string
	Seen  int
}

type cache struct {
	entries map[string]entry
	clock   int
}

func (c *cache) get(k string) string {
	c.clock++
	e := c.entries[k]
	e.Seen = c.clock // want `e is a copy of the map value c\.entries\[k\]: this change to e\.Seen is lost unless it is stored back`
	return e.Value
}

func main() {
	c := &cache{entries: map[string]entry{"a": {Value: "A"}}}
	fmt.Println("before:", c.entries)
	fmt.Println(c.get("a"))
	fmt.Println("after:", c.entries)
}
