// Command no_source_declared_after has sources that do not exist yet
// where the map is made.
package main

import "fmt"

func load() []string { return []string{"a", "b"} }

func after() map[string]int {
	m := make(map[string]int)
	items := load()
	for i, it := range items {
		m[it] = i
	}
	return m
}

func sameStatement() map[string]int {
	m, items := make(map[string]int), load() // items is new here
	for i, it := range items {
		m[it] = i
	}
	return m
}

func shadowed(items []string) map[string]bool {
	m := make(map[string]bool)
	{
		items := append(items, "extra") // a different items
		for _, it := range items {
			m[it] = true
		}
	}
	return m
}

func main() {
	fmt.Println(len(after()), len(sameStatement()), len(shadowed(nil)))
}
