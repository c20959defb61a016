// Command nofix_key_changed_in_decl reads a copy under one key and changes
// the key in the same statement: storing the copy back under k would write
// another entry.
package main

import "fmt"

type counter struct{ N int }

func bump(m map[string]counter) string {
	k := "a"
	v, k := m[k], "b"
	v.N++
	return k
}

func main() {
	m := map[string]counter{"a": {1}, "b": {2}}
	fmt.Println(bump(m), m)
}
