// Command struct_var registers routes on a zero value server.
package main

import "fmt"

type server struct {
	name   string
	routes map[string]func() string
}

func main() {
	var s server

	s.name = "demo"
	s.routes["/"] = func() string { return "home" }
	s.routes["/about"] = func() string { return "about" }
	fmt.Println(s.name, len(s.routes), s.routes["/"]())
}
