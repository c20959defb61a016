// Command range_slice indexes a slice by key.
package main

import (
	"fmt"
	"strconv"
	"testing"
)

type user struct {
	id   int
	name string
}

// index maps each user's id to the user's name.
func index(users []user) map[int]string {
	// One entry per user; ids are unique.
	byID := make(map[int]string) // filled below
	for _, u := range users {
		byID[u.id] = u.name // the only insert
	}
	return byID
}

func main() {
	users := make([]user, 1000)
	for i := range users {
		users[i] = user{id: i * 3, name: "u" + strconv.Itoa(i)}
	}
	byID := index(users)
	fmt.Println(len(byID), byID[0], byID[2997])
	fmt.Printf("allocs: %v\n", testing.AllocsPerRun(100, func() { index(users) }))
}
