package main

import (
	"fmt"
	"sync"
)

// broadcaster runs every change to watchers on its loop goroutine.
type broadcaster struct {
	watchers map[int]string
	funcs    chan func()
	done     chan struct{}
}

func (b *broadcaster) loop() {
	for f := range b.funcs {
		f()
	}
	close(b.done)
}

// run hands f to the loop and waits until it has run.
func (b *broadcaster) run(f func()) {
	var wg sync.WaitGroup
	wg.Add(1)
	b.funcs <- func() {
		defer wg.Done()
		f()
	}
	wg.Wait()
}

func (b *broadcaster) add(id int) {
	b.run(func() { b.watchers[id] = "w" })
}

func (b *broadcaster) remove(id int) {
	b.run(func() { delete(b.watchers, id) })
}

func main() {
	b := &broadcaster{watchers: map[int]string{}, funcs: make(chan func()), done: make(chan struct{})}
	go b.loop()
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range 50 {
				b.add(i*100 + j)
				b.remove(i*100 + j - 1)
			}
		}()
	}
	wg.Wait()
	n := 0
	b.run(func() { n = len(b.watchers) })
	close(b.funcs)
	<-b.done
	fmt.Println(n)
}
