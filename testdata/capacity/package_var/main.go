// Command package_var fills a package-level map.
package main

import (
	"fmt"
	"strconv"
	"testing"
)

var registry map[string]int

// register replaces the registry with names.
func register(names []string) {
	registry = make(map[string]int) // fresh registry
	for i, n := range names {
		registry[n] = i
	}
}

func main() {
	names := make([]string, 1000)
	for i := range names {
		names[i] = "svc" + strconv.Itoa(i)
	}
	register(names)
	fmt.Println(len(registry), registry["svc999"])
	fmt.Printf("allocs: %v\n", testing.AllocsPerRun(100, func() { register(names) }))
}
