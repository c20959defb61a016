// Command no_address_taken hands its struct to a function that fills it.
package main

import "fmt"

type config struct {
	ports map[int]bool
}

func load(c *config) { c.ports = map[int]bool{} }

func main() {
	var c config
	load(&c)
	c.ports[80] = true
	d := &config{}
	d.init()
	d.ports[443] = true
	fmt.Println(len(c.ports), len(d.ports))
}

func (c *config) init() { c.ports = make(map[int]bool) }
