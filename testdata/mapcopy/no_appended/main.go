// Command no_appended collects changed copies into a slice.
package main

import (
	"fmt"
	"sort"
)

type user struct {
	Name  string
	Admin bool
}

func admins(users map[int]user) []user {
	var out []user
	for _, u := range users {
		u.Admin = true
		out = append(out, u)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

func main() {
	fmt.Println(admins(map[int]user{1: {Name: "b"}, 2: {Name: "a"}}))
}
