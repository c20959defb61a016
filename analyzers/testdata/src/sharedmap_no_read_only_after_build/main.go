package main

import (
	"fmt"
	"sync"
)

// layer is immutable once built; its lock guards only stale.
type layer struct {
	lock  sync.RWMutex
	stale bool
	data  map[int]int
}

func newLayer(n int) *layer {
	l := &layer{data: map[int]int{}}
	for i := range n {
		l.data[i] = i * i
	}
	return l
}

func (l *layer) get(k int) (int, bool) {
	l.lock.RLock()
	defer l.lock.RUnlock()
	if l.stale {
		return 0, false
	}
	return l.data[k], true
}

func (l *layer) size() int {
	l.lock.RLock()
	defer l.lock.RUnlock()
	return len(l.data)
}

// sum reads data without the lock: nothing writes it after newLayer.
func (l *layer) sum() int {
	s := 0
	for _, v := range l.data {
		s += v
	}
	return s
}

func main() {
	l := newLayer(100)
	var wg sync.WaitGroup
	sums := make([]int, 4)
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v, _ := l.get(g)
			sums[g] = l.sum() + v + l.size()
		}()
	}
	wg.Wait()
	fmt.Println(sums)
}
