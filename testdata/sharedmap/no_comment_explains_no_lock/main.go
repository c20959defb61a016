package main

import (
	"fmt"
	"sync"
)

// A session is claimed before it is worked on, and only its claimant
// touches its consumers; the doc comment of addConsumers says so, as
// nats-server's MQTT code does.
type session struct {
	mu   sync.Mutex
	cons map[string]int
}

type manager struct {
	mu      sync.Mutex
	claimed map[*session]bool
}

func (m *manager) claim(s *session) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.claimed[s] {
		return false
	}
	m.claimed[s] = true
	return true
}

func (m *manager) release(s *session) {
	m.mu.Lock()
	delete(m.claimed, s)
	m.mu.Unlock()
}

// addConsumers records the consumers of a subscribe request.
// Lock not held on entry, but the session is claimed.
func (m *manager) addConsumers(s *session, ids []string) {
	for _, id := range ids {
		s.cons[id] = len(id)
	}
}

func (s *session) consumer(id string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.cons[id]
}

func (s *session) drop(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.cons, id)
}

func main() {
	m := &manager{claimed: map[*session]bool{}}
	s := &session{cons: map[string]int{}}
	var wg sync.WaitGroup
	var added sync.WaitGroup
	added.Add(1)
	wg.Go(func() {
		for !m.claim(s) {
		}
		m.addConsumers(s, []string{"a", "bb"})
		m.release(s)
		added.Done()
	})
	added.Wait()
	for range 2 {
		wg.Go(func() { _ = s.consumer("bb") })
	}
	wg.Go(func() { s.drop("a") })
	wg.Wait()
	fmt.Println(s.consumer("bb"))
}
