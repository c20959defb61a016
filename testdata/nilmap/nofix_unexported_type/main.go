// Command nofix_unexported_type fills a map whose inner map type cannot be
// named outside its package.
package main

import (
	"fmt"

	"github.com/mapfix/mapfix/testdata/nilmap/nofix_unexported_type/inner"
)

func main() {
	idx := make(inner.Index)
	for _, t := range [][2]string{{"a", "x"}, {"a", "y"}} {
		idx[t[0]][t[1]] = true
	}
	fmt.Println(len(idx))
}
