// Command nofix_partial_compared_with_nil loads a map on some paths and
// compares it with nil before it writes into it: making it up front would
// change what the comparison says.
package main

import "fmt"

func opts(file string) map[string]string {
	var m map[string]string
	if file != "" {
		m = map[string]string{"file": file}
	}
	if m == nil {
		fmt.Println("no file")
	}
	m["loaded"] = "yes"
	return m
}

func main() {
	fmt.Println(opts("a"))
}
