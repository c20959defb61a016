// Command comma_ok_if normalises an e-mail address of a user that exists.
package main

import (
	"fmt"
	"strings"
)

type user struct{ Email string }

func normalise(users map[int]user, id int) {
	if u, ok := users[id]; ok {
		u.Email = strings.ToLower(u.Email)
	}
}

func main() {
	users := map[int]user{1: {"Ann@Example.COM"}, 2: {"BOB@example.com"}}
	fmt.Println("before:", users)
	normalise(users, 1)
	normalise(users, 3)
	fmt.Println("after:", users)
}
