package main

import (
	"fmt"
	"sync"
)

// The lock contract is written in prose, as in nats-server: put's doc says
// its caller holds s.mu, and Put takes it through a helper that heldAt
// does not follow. full is called only from put.
type store struct {
	mu  sync.Mutex
	m   map[string]int
	max int
}

func (s *store) lock()   { s.mu.Lock() }
func (s *store) unlock() { s.mu.Unlock() }

// put stores v under k unless the store is full.
// Lock should be held.
func (s *store) put(k string, v int) {
	if s.full() {
		return
	}
	s.m[k] = v
}

func (s *store) full() bool {
	return len(s.m) >= s.max
}

func (s *store) Put(k string, v int) {
	s.lock()
	s.put(k, v)
	s.unlock()
}

func (s *store) Get(k string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.m[k]
}

func (s *store) Has(k string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.m[k]
	return ok
}

func (s *store) Delete(k string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.m, k)
}

func (s *store) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.m)
}

func main() {
	s := &store{m: map[string]int{}, max: 1000}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range 100 {
				s.Put(fmt.Sprint(g, i), i)
				_ = s.Get(fmt.Sprint(g, i))
				if i%10 == 0 && s.Has(fmt.Sprint(g, i)) {
					s.Delete(fmt.Sprint(g, i))
				}
			}
		})
	}
	wg.Wait()
	fmt.Println(s.Len())
}
