// Command no_field_address_filled fills a map field through its address
// (tailscale's mapx.RepopulateNonzero(&nb.nodeByAddr, ...)): the helper
// makes the map when it is nil, so the writes in the callback find it.
package main

import "fmt"

type backend struct {
	byAddr map[string]int
}

func newBackend() *backend { return &backend{} }

// repopulate makes *m if it is nil, empties it, and lets fill refill it.
func repopulate(m *map[string]int, fill func()) {
	if *m == nil {
		*m = map[string]int{}
	}
	clear(*m)
	fill()
}

func (b *backend) update(addrs []string) {
	repopulate(&b.byAddr, func() {
		for i, a := range addrs {
			b.byAddr[a] = i
		}
	})
}

func main() {
	b := newBackend()
	b.update([]string{"10.0.0.1", "10.0.0.2"})
	fmt.Println(len(b.byAddr), b.byAddr["10.0.0.2"])
}
