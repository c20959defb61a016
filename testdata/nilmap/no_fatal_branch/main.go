// Command no_fatal_branch stops when the inner map is missing.
package main

import (
	"fmt"
	"log"
)

func main() {
	m := map[string]map[string]int{"a": {}}
	if m["a"] == nil {
		log.Fatal("no a")
	}
	m["a"]["x"] = 1
	if _, ok := m["a"]; !ok {
		panic("no a")
	}
	m["a"]["y"] = 2
	fmt.Println(len(m["a"]))
}
