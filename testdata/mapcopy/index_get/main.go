// Command index_get counts hits on a copy of the stat it reads.
package main

import "fmt"

type stat struct {
	Hits int
	Last string
}

func hit(stats map[string]stat, page, when string) {
	s := stats[page]
	s.Hits++
	s.Last = when

	fmt.Println("hit", page)
}

func main() {
	stats := map[string]stat{"/": {Hits: 3}}
	fmt.Println("before:", stats)
	hit(stats, "/", "monday")
	hit(stats, "/about", "tuesday")
	fmt.Println("after:", stats)
}
