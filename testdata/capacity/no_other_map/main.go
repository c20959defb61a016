// Command no_other_map fills a different map than the one it made, or
// replaces the map inside the loop.
package main

import "fmt"

type index struct{ byName map[string]int }

func other(names []string, dst map[string]int) map[string]int {
	m := make(map[string]int)
	for i, n := range names {
		dst[n] = i
	}
	return m
}

func replaced(ix *index, all []*index, names []string) {
	ix.byName = make(map[string]int)
	for i, n := range names {
		ix = all[i%len(all)] // a different index each time
		ix.byName[n] = i
	}
}

func main() {
	dst := map[string]int{}
	a, b := &index{byName: map[string]int{}}, &index{byName: map[string]int{}}
	replaced(a, []*index{a, b}, []string{"x", "y"})
	fmt.Println(len(other([]string{"a"}, dst)), len(dst), len(a.byName), len(b.byName))
}
