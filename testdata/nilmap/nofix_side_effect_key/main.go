// Command nofix_side_effect_key writes under a key that a call computes.
package main

import "fmt"

var n int

func next() string {
	n++
	return fmt.Sprint("k", n%2)
}

func main() {
	m := map[string]map[string]int{}
	m[next()]["x"] = 1
	fmt.Println(len(m))
}
