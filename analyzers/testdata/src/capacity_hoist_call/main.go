// Command hoist_call ranges over the result of a call.
package main

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
)

// fieldIndex maps each comma-separated field to its position.
func fieldIndex(s string) map[string]int {
	// Position of each field.
	idx := make(map[string]int) // want `map idx is filled with len\(strings\.Split\(s, ","\)\) entries right after it is made; declare the call's result first and give make a size hint`
	for i, f := range strings.Split(s, ",") {
		idx[f] = i
	}
	return idx
}

// wordSet collects the words of s; parts is taken, so the new variable
// gets another name.
func wordSet(s string) (map[string]bool, int) {
	var seen = map[string]bool{} // words seen // want `map seen is filled with len\(strings\.Fields\(s\)\) entries right after it is made; declare the call's result first and make it with a size hint`
	for _, w := range strings.Fields(s) {
		seen[w] = true
	}
	parts := len(seen)
	return seen, parts
}

func main() {
	var b strings.Builder
	for i := range 1000 {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString("f" + strconv.Itoa(i))
	}
	s := b.String()
	idx := fieldIndex(s)
	words := strings.ReplaceAll(s, ",", " ")
	_, n := wordSet(words)
	fmt.Println(len(idx), idx["f0"], idx["f999"], n)
	fmt.Printf("allocs: %v\n", testing.AllocsPerRun(100, func() { fieldIndex(s); wordSet(words) }))
}
