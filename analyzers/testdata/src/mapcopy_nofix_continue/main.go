// Command nofix_continue changes the copy, then may skip the rest of the
// iteration before changing it again.
package main

import "fmt"

type visit struct {
	Count int
	Last  string
}

func record(visits map[string]visit, quiet map[string]bool, day string) {
	for page, v := range visits {
		v.Count++ // want `v is a copy of the map value visits\[page\]: this change to v\.Count, and the one to v\.Last \(line 18\), are lost unless it is stored back \(not fixed: the continue at line 16 would skip a store after the change\)`
		if quiet[page] {
			continue
		}
		v.Last = day
	}
}

func main() {
	visits := map[string]visit{"/": {}, "/x": {}}
	record(visits, map[string]bool{"/x": true}, "monday")
	fmt.Println(visits)
}
