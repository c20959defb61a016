// Command range_blank_key logs every session out, on copies of them.
package main

import "fmt"

type session struct {
	User   string
	Active bool
}

func logoutAll(sessions map[int]session) {
	for _, s := range sessions {
		s.Active = false // want `s is a copy of a value of the map sessions: this change to s\.Active is lost unless it is stored back`
	}
}

func main() {
	sessions := map[int]session{1: {"ann", true}, 2: {"bob", true}}
	fmt.Println("before:", sessions)
	logoutAll(sessions)
	fmt.Println("after:", sessions)
}
