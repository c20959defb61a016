// Package demo is a small example for trying mapfix:
//
//	go run ./cmd/mapfix ./testdata/demo
package demo

import "strings"

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
