// Command nested_field keeps per-tenant counters in a struct field.
package main

import "fmt"

// Stats counts hits per tenant and path.
type Stats struct {
	hits map[string]map[string]int
}

func newStats() *Stats {
	return &Stats{hits: make(map[string]map[string]int)}
}

// Hit records one request.
func (s *Stats) Hit(tenant, path string) {
	s.hits[tenant][path]++ // the tenant may be new
}

func main() {
	s := newStats()
	s.Hit("acme", "/a")
	s.Hit("acme", "/a")
	s.Hit("init", "/b")
	fmt.Println(s.hits["acme"]["/a"], s.hits["init"]["/b"], len(s.hits))
}
