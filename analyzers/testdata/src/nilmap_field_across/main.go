// Command field_across adds to a registry whose constructor leaves the map
// field nil.
package main

import "fmt"

// Registry names plugins.
type Registry struct {
	name    string
	plugins map[string]int
}

// NewRegistry makes an empty registry.
func NewRegistry(name string) *Registry {
	return &Registry{name: name}
}

// Add registers a plugin.
func (r *Registry) Add(p string, prio int) {
	r.plugins[p] = prio // want `r\.plugins may be nil: NewRegistry \(main\.go:15\) makes a Registry without it, and nothing checks it before this write`
}

func main() {
	r := NewRegistry("main")
	r.Add("auth", 1)
	r.Add("log", 2)
	fmt.Println(r.name, len(r.plugins), r.plugins["log"])
}
