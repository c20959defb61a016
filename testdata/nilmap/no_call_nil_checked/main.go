// Command no_call_nil_checked gets a map that may be nil and makes it
// when it is, before writing.
package main

import "fmt"

func parse(s string) (m map[string]int) {
	if s != "" {
		m = map[string]int{s: len(s)}
	}
	return m
}

func main() {
	for _, s := range []string{"ab", ""} {
		m := parse(s)
		if m == nil {
			m = map[string]int{}
		}
		m["total"]++
		fmt.Println(m)
	}
}
