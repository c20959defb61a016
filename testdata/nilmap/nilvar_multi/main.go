// Command nilvar_multi splits words into two maps declared in a group.
package main

import "fmt"

func main() {
	var (
		short map[string]bool
		long  map[string]bool
	)

	for _, w := range []string{"a", "bee", "cd", "effort"} {
		if len(w) < 3 {
			short[w] = true
		} else {
			long[w] = true
		}
	}
	fmt.Println(len(short), len(long))
}
