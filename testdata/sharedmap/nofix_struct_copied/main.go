package main

import (
	"fmt"
	"sync"
)

type ledger struct {
	owner   string
	entries map[int]int
}

func (l *ledger) record(from int, wg *sync.WaitGroup) {
	defer wg.Done()
	for i := range 1000 {
		l.entries[from+i] = i
	}
}

// summary works on a copy, as its value receiver says.
func (l ledger) summary() string {
	return fmt.Sprint(l.owner, len(l.entries))
}

func main() {
	l := &ledger{owner: "x", entries: map[int]int{}}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go l.record(g*1000, &wg)
	}
	wg.Wait()
	fmt.Println(l.summary())
}
