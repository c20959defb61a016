// Command no_side_effect_source measures sources that evaluating early
// would change.
package main

import "fmt"

type stream struct{ n int }

func (s *stream) next() []int {
	s.n++
	return make([]int, s.n)
}

var calls int

func pick() int {
	calls++
	return 0
}

func collect(s *stream) map[int]int {
	m := make(map[int]int)
	fmt.Println("collecting") // not right before the loop: no hoisting
	for i := range s.next() {
		m[i] = i
	}
	return m
}

func fromGroup(groups [][]int) map[int]bool {
	m := make(map[int]bool)
	for _, x := range groups[pick()] {
		m[x] = true
	}
	return m
}

func main() {
	fmt.Println(len(collect(&stream{})), len(fromGroup([][]int{{1, 2}})), calls)
}
