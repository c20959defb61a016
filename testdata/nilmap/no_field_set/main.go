// Command no_field_set makes the map field in the literal or right after.
package main

import "fmt"

type config struct {
	name  string
	ports map[int]bool
}

func main() {
	a := config{name: "a", ports: map[int]bool{}}
	a.ports[1] = true
	b := config{name: "b"}
	b.ports = make(map[int]bool)
	b.ports[2] = true
	c := &config{}
	if c.ports == nil {
		c.ports = map[int]bool{}
	}
	c.ports[3] = true
	fmt.Println(len(a.ports), len(b.ports), len(c.ports))
}
