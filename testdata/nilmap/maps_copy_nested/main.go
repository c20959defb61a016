// Command maps_copy_nested merges per-team settings with maps.Copy.
package main

import (
	"fmt"
	"maps"
)

func main() {
	settings := map[string]map[string]string{}
	defaults := map[string]string{"theme": "dark", "lang": "en"}
	for _, team := range []string{"red", "blue"} {
		maps.Copy(settings[team], defaults)
	}
	fmt.Println(settings["red"]["theme"], settings["blue"]["lang"])
}
