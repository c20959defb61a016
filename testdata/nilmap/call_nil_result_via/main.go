// Command call_nil_result_via writes into a map that reaches it through
// a second function, which returns the first one's result unchecked.
package main

import "fmt"

func parse(s string) (m map[string]int) {
	if s != "" {
		m = map[string]int{s: len(s)}
	}
	return m
}

func load(s string) map[string]int {
	m := parse(s)
	return m
}

func main() {
	for _, s := range []string{"ab", ""} {
		m := load(s)
		m["total"]++
		fmt.Println(m)
	}
}
