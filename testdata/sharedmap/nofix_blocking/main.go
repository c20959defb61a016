package main

import (
	"fmt"
	"sync"
)

type hub struct {
	mu   sync.Mutex
	subs map[int]chan int
}

func (h *hub) add(id int, c chan int) {
	h.mu.Lock()
	h.subs[id] = c
	h.mu.Unlock()
}

func (h *hub) remove(id int) {
	h.mu.Lock()
	delete(h.subs, id)
	h.mu.Unlock()
}

// notify sends to id without the lock: wrapping would hold it across the send.
func (h *hub) notify(id, v int) {
	h.subs[id] <- v
}

func main() {
	h := &hub{subs: map[int]chan int{}}
	c := make(chan int, 1)
	h.add(1, c)
	h.notify(1, 7)
	fmt.Println(<-c)
	h.remove(1)
}
