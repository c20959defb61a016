// A finding silenced by a directive is silenced in every driver.
package main

import "fmt"

func index(names []string) map[string]int {
	//mapfix:ignore capacity the map is built once at start-up
	m := make(map[string]int)
	for i, n := range names {
		m[n] = i
	}
	return m
}

func lengths(names []string) map[string]int {
	l := map[string]int{} //nolint:mapfix // tiny
	for _, n := range names {
		l[n] = len(n)
	}
	return l
}

func seen(names []string) map[string]bool {
	//mapfix:ignore nilmap a directive for another rule silences nothing here
	s := make(map[string]bool) // want `map s is filled with len\(names\) entries right after it is made; give make a size hint`
	for _, n := range names {
		s[n] = true
	}
	return s
}

func main() {
	fmt.Println(index([]string{"a"}), lengths([]string{"b"}), seen([]string{"c"}))
}
