// Command self_read computes each series' mean from its own fields.
package main

import "fmt"

type series struct{ Sum, N, Mean int }

func means(all map[string]series) {
	for name, s := range all {
		if s.N == 0 {
			fmt.Println("no samples for", name)
			continue
		}
		s.Mean = s.Sum / s.N
	}
}

func main() {
	all := map[string]series{"a": {Sum: 10, N: 4}, "b": {}}
	fmt.Println("before:", all)
	means(all)
	fmt.Println("after:", all)
}
