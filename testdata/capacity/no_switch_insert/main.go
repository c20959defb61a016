// Command no_switch_insert inserts in switch cases.
package main

import "fmt"

func classify(xs []int) map[int]string {
	m := make(map[int]string)
	for _, x := range xs {
		switch {
		case x%2 == 0:
			m[x] = "even"
		case x%3 == 0:
			m[x] = "three"
		}
	}
	return m
}

func main() {
	fmt.Println(len(classify([]int{1, 2, 3, 4})))
}
