// Command no_address_taken changes a copy whose address it took earlier:
// the pointer sees the change.
package main

import "fmt"

type box struct{ W, H int }

func main() {
	boxes := map[string]box{"a": {1, 1}}
	b := boxes["a"]
	p := &b
	b.W = 10
	fmt.Println(p.W)

	for _, c := range boxes {
		keep(&c.H)
		c.H = 3
	}
}

var kept []*int

func keep(p *int) { kept = append(kept, p) }
