// Command goroutine_select_method runs a tracker's event loop on a
// goroutine its constructor starts; the loop marks every job it receives as
// done, forever.
package main

import (
	"fmt"
	"os"
	"strconv"
)

type job struct{ id int }

type tracker struct {
	jobs  chan job
	ask   chan chan int
	quit  chan struct{}
	done  map[int]bool
	total int
}

func newTracker() *tracker {
	t := &tracker{jobs: make(chan job), ask: make(chan chan int), quit: make(chan struct{}), done: map[int]bool{}}
	go t.run()
	return t
}

func (t *tracker) run() {
	for {
		select {
		case j := <-t.jobs:
			t.done[j.id] = true // want `map t.done grows by one entry per event in tracker.run \(main.go:32\), and nothing in the package deletes from it, clears or replaces it \(not fixed: a bound or an eviction policy is a design decision\)`
			t.total++
		case reply := <-t.ask:
			reply <- len(t.done)
		case <-t.quit:
			return
		}
	}
}

// size asks the loop how many jobs it has marked.
func (t *tracker) size() int {
	reply := make(chan int)
	t.ask <- reply
	return <-reply
}

func main() {
	t := newTracker()
	for i := range count() {
		t.jobs <- job{id: i}
	}
	fmt.Println("len:", t.size())
	close(t.quit)
}

// count is how many jobs to send: the first argument, or 10.
func count() int {
	if len(os.Args) > 1 {
		if n, err := strconv.Atoi(os.Args[1]); err == nil {
			return n
		}
	}
	return 10
}
