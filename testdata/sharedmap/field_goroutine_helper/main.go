package main

import (
	"fmt"
	"sync"
)

// expire runs with s.mu held, as its doc says, but the function it hands
// to startGoRoutine runs later on a goroutine of its own, without the
// lock (the helper shape of nats-server's startGoRoutine).
type Server struct {
	mu      sync.Mutex
	clients map[string]int
	grWG    sync.WaitGroup
}

func (s *Server) startGoRoutine(f func()) {
	s.grWG.Add(1)
	go func() {
		defer s.grWG.Done()
		f()
	}()
}

func (s *Server) Add(k string) {
	s.mu.Lock()
	s.clients[k] = 1
	s.expire(k)
	s.mu.Unlock()
}

// expire schedules k's removal. Lock should be held.
func (s *Server) expire(k string) {
	s.clients[k]++
	s.startGoRoutine(func() {
		delete(s.clients, k)
	})
}

func (s *Server) Count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.clients)
}

func main() {
	s := &Server{clients: map[string]int{}}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range 100 {
				s.Add(fmt.Sprint(g, "-", i))
				_ = s.Count()
			}
		})
	}
	wg.Wait()
	s.grWG.Wait()
	fmt.Println(s.Count())
}
