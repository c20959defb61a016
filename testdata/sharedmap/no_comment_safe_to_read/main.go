package main

import (
	"fmt"
	"sync"
)

// The callbacks that write cancels run one at a time, and ready runs in
// one of them; its comment says so (grpc-go's xDS RDS handler). close, on
// another goroutine, takes the lock.
type handler struct {
	mu      sync.Mutex
	cancels map[string]func()
	updates map[string]int
}

func (h *handler) watch(names []string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, n := range names {
		if _, ok := h.cancels[n]; !ok {
			h.cancels[n] = func() {}
		}
	}
}

func (h *handler) update(name string, v int) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.updates[name] = v
}

// ready reports whether every watched route has an update.
func (h *handler) ready() bool {
	// Safe to read cancels because it is only written in other callbacks,
	// which are serialized.
	return len(h.updates) == len(h.cancels)
}

func (h *handler) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	for n, cancel := range h.cancels {
		cancel()
		delete(h.cancels, n)
	}
}

func main() {
	h := &handler{cancels: map[string]func(){}, updates: map[string]int{}}
	callbacks := make(chan func())
	done := make(chan bool)
	go func() {
		for cb := range callbacks {
			cb()
		}
		close(done)
	}()
	callbacks <- func() { h.watch([]string{"a", "b"}) }
	callbacks <- func() { h.update("a", 1) }
	callbacks <- func() { h.update("b", 2) }
	ready := make(chan bool)
	callbacks <- func() { ready <- h.ready() }
	fmt.Println(<-ready)
	close(callbacks)
	<-done
	h.close()
}
