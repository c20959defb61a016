// Command no_stored_back changes copies and stores them back.
package main

import "fmt"

type stat struct{ Hits int }

func main() {
	stats := map[string]stat{"a": {}, "b": {Hits: 1}}
	for k, s := range stats {
		s.Hits++
		stats[k] = s
	}
	s, ok := stats["c"]
	if !ok {
		s.Hits = 100
	}
	stats["c"] = s
	fmt.Println(stats)
}
