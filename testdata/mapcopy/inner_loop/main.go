// Command inner_loop adds samples to a running total.
package main

import "fmt"

type total struct{ Sum, N int }

func add(totals map[string]total, key string, samples []int) {
	t := totals[key]
	for _, x := range samples {
		t.Sum += x
		t.N++
	}
}

func main() {
	totals := map[string]total{"cpu": {Sum: 5, N: 1}}
	fmt.Println("before:", totals)
	add(totals, "cpu", []int{1, 2, 3})
	fmt.Println("after:", totals)
}
