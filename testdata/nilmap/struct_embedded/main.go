// Command struct_embedded writes a map field promoted from an embedded
// struct.
package main

import "fmt"

type labels struct {
	m map[string]string
}

type metric struct {
	labels
	name string
}

func main() {
	x := metric{name: "requests"}
	x.m["code"] = "200"
	fmt.Println(x.name, x.m["code"])
}
