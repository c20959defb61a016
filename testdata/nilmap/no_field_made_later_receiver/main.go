package main

import "fmt"

type cache struct {
	entries map[string]int
}

// load refreshes the cache: a receiver keeps its map from the last full
// load, so writing it on the incremental path is not evidence of nil.
func (c *cache) load(key string, incremental bool) {
	if incremental {
		c.entries[key]++
		return
	}
	c.entries = map[string]int{key: 1}
}

func main() {
	c := &cache{}
	c.load("a", false)
	c.load("a", true)
	fmt.Println(c.entries["a"])
}
