// Command no_two_inserts inserts twice per iteration.
package main

import "fmt"

func both(pairs [][2]string) map[string]string {
	m := make(map[string]string)
	for _, p := range pairs {
		m[p[0]] = p[1]
		m[p[1]] = p[0]
	}
	return m
}

func main() {
	fmt.Println(len(both([][2]string{{"a", "b"}})))
}
