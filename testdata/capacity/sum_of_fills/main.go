// Command sum_of_fills fills one map from several sources in a row.
package main

import (
	"fmt"
	"maps"
	"strconv"
	"testing"
)

// merge puts a, b and extra into one map; later sources win.
func merge(a, b []string, extra map[string]int) map[string]int {
	m := make(map[string]int)
	for _, k := range a {
		m[k] = 1
	}
	total := len(a) // unrelated: touches neither m nor the sources
	for _, k := range b {
		m[k] = total
	}
	// Extra entries last.
	maps.Copy(m, extra)
	return m
}

func main() {
	var a, b []string
	extra := make(map[string]int, 400)
	for i := range 400 {
		a = append(a, "a"+strconv.Itoa(i))
		b = append(b, "b"+strconv.Itoa(i))
		extra["e"+strconv.Itoa(i)] = i
	}
	m := merge(a, b, extra)
	fmt.Println(len(m), m["a1"], m["b1"], m["e399"])
	fmt.Printf("allocs: %v\n", testing.AllocsPerRun(100, func() { merge(a, b, extra) }))
}
