package main

import (
	"fmt"
	"sync"
)

type users struct {
	mu   sync.Mutex
	byID map[int]string
}

func (u *users) add(id int, n string) {
	u.mu.Lock()
	u.byID[id] = n
	u.mu.Unlock()
}

func (u *users) remove(id int) {
	u.mu.Lock()
	delete(u.byID, id)
	u.mu.Unlock()
}

func (u *users) name(id int) string {
	if n, ok := u.byID[id]; ok {
		return n
	}
	return "?"
}

func main() {
	u := &users{byID: map[int]string{}}
	u.add(1, "ann")
	fmt.Println(u.name(1))
	u.remove(1)
}
