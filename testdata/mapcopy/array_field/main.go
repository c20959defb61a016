// Command array_field counts latencies into the buckets of a histogram
// whose buckets are an array.
package main

import "fmt"

type histogram struct{ Buckets [3]int }

func observe(h map[string]histogram, name string, ms int) {
	x := h[name]
	x.Buckets[min(ms/100, 2)]++
}

func main() {
	h := map[string]histogram{"api": {}}
	fmt.Println("before:", h)
	observe(h, "api", 150)
	fmt.Println("after:", h)
}
