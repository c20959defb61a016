package main

import (
	"fmt"
	"sync"
)

type Users struct {
	mu   sync.Mutex
	byID map[int]string
}

func (u *Users) add(id int, n string) {
	u.mu.Lock()
	u.byID[id] = n
	u.mu.Unlock()
}

func (u *Users) remove(id int) {
	u.mu.Lock()
	delete(u.byID, id)
	u.mu.Unlock()
}

func (u *Users) Name(id int) string {
	if n, ok := u.byID[id]; ok {
		return n
	}
	return "?"
}

func main() {
	u := &Users{byID: map[int]string{}}
	u.add(1, "ann")
	fmt.Println(u.Name(1))
	u.remove(1)
}
