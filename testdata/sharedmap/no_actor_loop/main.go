package main

import "fmt"

type request struct {
	key   string
	reply chan int
}

// server owns its map: only the loop goroutine touches it.
type server struct {
	counts map[string]int
	reqs   chan request
	done   chan struct{}
}

func (s *server) loop() {
	for req := range s.reqs {
		s.counts[req.key]++
		req.reply <- s.counts[req.key]
	}
	close(s.done)
}

func (s *server) hit(key string) int {
	reply := make(chan int)
	s.reqs <- request{key, reply}
	return <-reply
}

func main() {
	s := &server{counts: map[string]int{}, reqs: make(chan request), done: make(chan struct{})}
	go s.loop()
	last := 0
	for i := range 10 {
		last = s.hit(fmt.Sprint(i % 3))
	}
	close(s.reqs)
	<-s.done
	fmt.Println(last, len(s.counts))
}
