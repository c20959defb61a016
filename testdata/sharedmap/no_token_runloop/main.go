package main

import (
	"fmt"
	"sync"
)

// runLoop owns the maps: it is started only on taking the token from
// stopped, and gives it back when it ends, so one instance runs at a time
// however often the event loop starts it (tailscale's relayManager).
type manager struct {
	events  chan string
	stopped chan struct{}
	seen    map[string]int
	done    sync.WaitGroup
}

func newManager() *manager {
	m := &manager{events: make(chan string), stopped: make(chan struct{}, 1), seen: map[string]int{}}
	m.stopped <- struct{}{}
	return m
}

func (m *manager) runLoop() {
	defer func() {
		m.stopped <- struct{}{}
	}()
	for i := 0; i < 3; i++ {
		ev := <-m.events
		m.seen[ev]++
		m.done.Done()
	}
}

func (m *manager) send(ev string) {
	m.done.Add(1)
	for {
		select {
		case m.events <- ev:
			return
		case <-m.stopped:
			go m.runLoop()
		}
	}
}

func main() {
	m := newManager()
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range 6 {
				m.send(fmt.Sprint("ev", (g+i)%3))
			}
		})
	}
	wg.Wait()
	m.done.Wait()
	<-m.stopped // the last loop has ended: the maps are main's now
	fmt.Println(m.seen["ev0"] + m.seen["ev1"] + m.seen["ev2"])
}
