// Command single_inserts puts one entry in the map under an if, then one
// per entry of another map: at most len(storage) + 1 entries.
package main

import (
	"fmt"
	"strconv"
	"testing"
)

type set struct {
	account map[string]int
	storage map[string]map[string]int
}

// all returns every subset, the account one under the empty key.
func (s *set) all() map[string]map[string]int {
	nodes := make(map[string]map[string]int)
	if len(s.account) > 0 {
		nodes[""] = s.account // the account subset, when there is one
	}
	for owner, subset := range s.storage {
		nodes[owner] = subset
	}
	return nodes
}

func main() {
	s := &set{account: map[string]int{"a": 1}, storage: make(map[string]map[string]int, 600)}
	for i := range 600 {
		s.storage["o"+strconv.Itoa(i)] = map[string]int{}
	}
	fmt.Println(len(s.all()))
	fmt.Printf("allocs: %v\n", testing.AllocsPerRun(100, func() { s.all() }))
}
