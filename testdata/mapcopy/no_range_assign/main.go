// Command no_range_assign ranges with = into variables that outlive the
// loop.
package main

import "fmt"

type v struct{ N int }

func main() {
	m := map[string]v{"a": {1}}
	var k string
	var x v
	for k, x = range m {
		x.N++
	}
	fmt.Println(k, x)
}
