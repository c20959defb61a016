// Command nested_switch_case sorts words by kind inside a switch.
package main

import "fmt"

func main() {
	byKind := map[string]map[string]int{}
	for _, w := range []string{"a", "bb", "c", "dd", "a"} {
		switch len(w) {
		case 1:
			// Short words.
			byKind["short"][w]++
		default:
			byKind["long"][w]++
		}
	}
	fmt.Println(byKind["short"]["a"], byKind["short"]["c"], byKind["long"]["dd"])
}
