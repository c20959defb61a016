// Command no_earlier_assign stores the inner map before writing into it.
package main

import "fmt"

func main() {
	m := map[int]map[int]int{}
	for i := range 3 {
		m[i] = map[int]int{}
		m[i][i*i] = i
	}
	fmt.Println(len(m))
}
