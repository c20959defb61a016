// Command struct_field fills a struct field map from another field.
package main

import (
	"fmt"
	"strconv"
	"testing"
)

type item struct{ name string }

type catalog struct {
	items  []*item
	byName map[string]*item
}

// reindex rebuilds the name index.
func (c *catalog) reindex() {
	// Drop the old index.
	c.byName = make(map[string]*item)
	for _, it := range c.items {
		c.byName[it.name] = it
	}
}

func main() {
	c := &catalog{}
	for i := range 1000 {
		c.items = append(c.items, &item{name: "n" + strconv.Itoa(i)})
	}
	c.reindex()
	fmt.Println(len(c.byName), c.byName["n42"].name)
	fmt.Printf("allocs: %v\n", testing.AllocsPerRun(100, func() { c.reindex() }))
}
