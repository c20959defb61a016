// Command no_maps_copy_made copies into maps that exist.
package main

import (
	"fmt"
	"maps"
)

func main() {
	src := map[string]int{"a": 1}
	dst := make(map[string]int)
	maps.Copy(dst, src)
	var out map[string]int
	out = map[string]int{}
	maps.Copy(out, src)
	fmt.Println(len(dst), len(out))
}
