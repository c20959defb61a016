// Command no_break stops early with break before the insert.
package main

import "fmt"

func untilStop(ss []string) map[string]int {
	m := make(map[string]int)
outer:
	for i, s := range ss {
		for _, c := range s {
			if c == '!' {
				break outer // labelled: leaves the filling loop
			}
		}
		m[s] = i
	}
	return m
}

func beforeEnd(ss []string) map[string]bool {
	m := map[string]bool{}
	for _, s := range ss {
		if s == "end" {
			break
		}
		m[s] = true
	}
	return m
}

func main() {
	fmt.Println(len(untilStop([]string{"a", "b!", "c"})), len(beforeEnd([]string{"x", "end", "y"})))
}
