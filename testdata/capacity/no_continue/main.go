// Command no_continue skips some inserts with continue.
package main

import "fmt"

func nonEmpty(ss []string) map[string]int {
	m := make(map[string]int)
	for i, s := range ss {
		if s == "" {
			if i > 0 {
				continue // nested, but still skips the insert
			}
		}
		m[s] = i
	}
	return m
}

func main() {
	fmt.Println(len(nonEmpty([]string{"", "a", "", "b"})))
}
