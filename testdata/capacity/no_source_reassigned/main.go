// Command no_source_reassigned changes the source between the make and the
// loop.
package main

import "fmt"

func firstTen(items []int) map[int]bool {
	m := make(map[int]bool)
	if len(items) > 10 {
		items = items[:10]
	}
	for _, it := range items {
		m[it] = true
	}
	return m
}

func grown(n int) map[int]int {
	m := make(map[int]int)
	n++
	for i := range n {
		m[i] = i
	}
	return m
}

func main() {
	fmt.Println(len(firstTen([]int{1, 2, 3})), len(grown(3)))
}
