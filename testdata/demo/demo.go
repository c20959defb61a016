// Package demo is a small example for trying mapfix:
//
//	go run ./cmd/mapfix ./testdata/demo
package demo

import (
	"strings"
	"sync"
)

// User is a row of the users table.
type User struct {
	ID   int
	Name string
}

// ByID indexes users by their ID.
func ByID(users []User) map[int]User {
	index := make(map[int]User) // grows and rehashes as it fills
	for _, u := range users {
		index[u.ID] = u
	}
	return index
}

// Tags parses "a,b,c" into a set.
func Tags(s string) map[string]bool {
	set := map[string]bool{}
	for _, t := range strings.Split(s, ",") {
		set[t] = true
	}
	return set
}

// Hits counts requests per tenant and path.
func Hits(reqs []User) map[string]map[int]int {
	hits := map[string]map[int]int{}
	for _, r := range reqs {
		hits[r.Name][r.ID]++ // panics: hits[r.Name] is a nil map
	}
	return hits
}

// Cache is shared by the request handlers.
type Cache struct {
	mu sync.Mutex
	m  map[string]int
}

// Put stores v under k.
func (c *Cache) Put(k string, v int) {
	c.mu.Lock()
	c.m[k] = v
	c.mu.Unlock()
}

// Get returns the value under k.
func (c *Cache) Get(k string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.m[k]
}

// Drop forgets k, but forgets the lock too.
func (c *Cache) Drop(k string) {
	delete(c.m, k)
}
