// Command struct_literal fills a map field of a struct made without it.
package main

import "fmt"

// Config describes a service.
type Config struct {
	Name  string
	Ports map[int]bool
}

func parse(name string, ports []int) Config {
	cfg := Config{Name: name}
	for _, p := range ports {
		cfg.Ports[p] = true
	}
	return cfg
}

func main() {
	cfg := parse("web", []int{80, 443})
	fmt.Println(cfg.Name, len(cfg.Ports), cfg.Ports[443])
}
