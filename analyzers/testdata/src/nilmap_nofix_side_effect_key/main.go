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
	m[next()]["x"] = 1 // want `m\[next\(\)\] may be nil: no inner map is stored for this key before this write \(not fixed: the key next\(\) may have side effects, and a nil check would evaluate it twice\)`
	fmt.Println(len(m))
}
