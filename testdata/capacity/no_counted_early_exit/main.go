// Command no_counted_early_exit may leave a counted loop early: n is not
// bounded by anything that exists, so it is no safe hint.
package main

import (
	"errors"
	"fmt"
)

func firstN(n int, stop func(int) bool) (map[int]int, error) {
	m := make(map[int]int)
	for i := range n {
		if stop(i) {
			return nil, errors.New("stopped")
		}
		m[i] = i
	}
	return m, nil
}

func main() {
	_, err := firstN(1<<40, func(i int) bool { return i == 3 })
	fmt.Println(err)
}
