// Command no_string_range ranges over a string: runes, not bytes.
package main

import "fmt"

func runeIndex(s string) map[rune]int {
	m := make(map[rune]int)
	for i, r := range s {
		m[r] = i
	}
	return m
}

func main() {
	fmt.Println(len(runeIndex("héllo")))
}
