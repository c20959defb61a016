// Command no_map_and_slice_values changes values of map and slice type in
// place: they share their contents with the map.
package main

import "fmt"

func main() {
	nested := map[string]map[string]int{"a": {}}
	inner := nested["a"]
	inner["x"] = 1

	lists := map[string][]int{"a": {0}}
	for _, l := range lists {
		l[0] = 9
	}
	fmt.Println(nested, lists)
}
