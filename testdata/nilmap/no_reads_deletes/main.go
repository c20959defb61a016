// Command no_reads_deletes reads, deletes, measures and ranges over inner
// maps that may be nil: all of that is fine.
package main

import "fmt"

func main() {
	m := map[string]map[string]int{}
	v := m["a"]["x"]
	delete(m["a"], "x")
	n := len(m["b"])
	for k := range m["c"] {
		fmt.Println(k)
	}
	w, ok := m["d"]["y"]
	var s map[string]int
	fmt.Println(v, n, w, ok, s["z"], len(s))
	delete(s, "z")
}
