// Command switch_cases moves each light to its next colour.
package main

import "fmt"

type light struct{ Colour string }

func step(lights map[string]light) (n int) {
	for name, l := range lights {
		switch l.Colour {
		case "red":
			l.Colour = "green" // want `l is a copy of the map value lights\[name\]: this change to l\.Colour, and those to l\.Colour \(lines 14 and 16\), are lost unless it is stored back`
		case "green":
			l.Colour = "amber"
		default:
			l.Colour = "red"
		}
		n += len(name)
	}
	return n
}

func main() {
	lights := map[string]light{"north": {"red"}, "south": {"green"}}
	fmt.Println("before:", lights)
	fmt.Println(step(lights))
	fmt.Println("after:", lights)
}
