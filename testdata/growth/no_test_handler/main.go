// Command no_test_handler has a handler that only its test registers.
package main

import (
	"fmt"
	"os"
	"strconv"
)

var seen = map[string]int{}

func main() {
	for i := range requests() {
		_ = i
	}
	fmt.Println("len:", len(seen))
}

// requests is how many requests to simulate: the first argument, or 10.
func requests() int {
	if len(os.Args) > 1 {
		if n, err := strconv.Atoi(os.Args[1]); err == nil {
			return n
		}
	}
	return 10
}
