// Command generic_func fills maps in generic functions.
package main

import (
	"fmt"
	"testing"
)

// KeyBy indexes vs by key.
func KeyBy[K comparable, V any](vs []V, key func(V) K) map[K]V {
	m := make(map[K]V)
	for _, v := range vs {
		m[key(v)] = v
	}
	return m
}

// Set collects the elements of a slice of any slice type.
func Set[S ~[]E, E comparable](s S) map[E]bool {
	set := map[E]bool{}
	for _, e := range s {
		set[e] = true
	}
	return set
}

type ints []int

func main() {
	xs := make(ints, 1000)
	for i := range xs {
		xs[i] = i * 5
	}
	half := func(x int) int { return x / 2 }
	fmt.Println(len(KeyBy(xs, half)), KeyBy(xs, half)[5], len(Set(xs)))
	fmt.Printf("allocs: %v\n", testing.AllocsPerRun(100, func() { KeyBy(xs, half); Set(xs) }))
}
