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
		v.Count++
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
