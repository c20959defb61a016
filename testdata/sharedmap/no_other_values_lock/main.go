// Command no_other_values_lock has a syncer whose lock happens to be held
// around most accesses to a task's map, and one access that does not hold
// it: the map belongs to the task, not to the syncer, and the syncer's own
// loop is the only goroutine that touches tasks. The lock is not this
// map's guard. (The shape of go-ethereum's snap syncer heal tasks.)
package main

import (
	"fmt"
	"sync"
)

type task struct {
	pending map[string]int
}

type syncer struct {
	lock  sync.Mutex
	stats int
}

func (s *syncer) schedule(t *task, k string) {
	s.lock.Lock()
	t.pending[k]++
	s.stats++
	s.lock.Unlock()
}

func (s *syncer) done(t *task, k string) {
	s.lock.Lock()
	delete(t.pending, k)
	s.stats--
	s.lock.Unlock()
}

func (s *syncer) revert(t *task, k string) {
	t.pending[k] = 0
}

func main() {
	s := &syncer{}
	t := &task{pending: map[string]int{}}
	s.schedule(t, "a")
	s.schedule(t, "b")
	s.revert(t, "a")
	s.done(t, "b")
	fmt.Println(len(t.pending), s.stats)
}
