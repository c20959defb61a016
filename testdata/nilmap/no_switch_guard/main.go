// Command no_switch_guard makes the inner map in a tagless switch.
package main

import "fmt"

func main() {
	m := map[string]map[string]int{}
	k := "a"
	switch {
	case m[k] == nil:
		m[k] = map[string]int{}
	case len(m[k]) > 10:
		return
	}
	m[k]["x"] = 1
	fmt.Println(len(m))
}
