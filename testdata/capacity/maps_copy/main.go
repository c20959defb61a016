// Command maps_copy clones a map with maps.Copy.
package main

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"testing"
)

// clone copies src into a new map.
func clone(src map[string]int) map[string]int {
	dst := make(map[string]int)
	maps.Copy(dst, src) // every entry of src
	return dst
}

func main() {
	src := make(map[string]int, 1000)
	for i := range 1000 {
		src[strconv.Itoa(i)] = i
	}
	dst := clone(src)
	keys := slices.Sorted(maps.Keys(dst))
	fmt.Println(len(dst), keys[0], keys[len(keys)-1])
	fmt.Printf("allocs: %v\n", testing.AllocsPerRun(100, func() { clone(src) }))
}
