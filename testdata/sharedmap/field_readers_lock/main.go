package main

import (
	"fmt"
	"sync"
)

// Progress reads done under mu in Seen and Count, but MarkDone inserts
// without it, and Pending reads without it too. The locked readers in two
// functions are the evidence that the map changes while others use it:
// the write that skips the lock is the change they race with (loki's
// DeleteRequestsManager: MarkSeriesAsProcessed inserted into
// processedSeries without the mutex its readers took).
type Progress struct {
	mu   sync.Mutex
	done map[string]struct{}
}

func (p *Progress) Seen(id string) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	_, ok := p.done[id]
	return ok
}

func (p *Progress) Count() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.done)
}

func (p *Progress) MarkDone(id string) {
	p.done[id] = struct{}{}
}

func (p *Progress) Pending(ids []string) int {
	n := 0
	for _, id := range ids {
		_, ok := p.done[id]
		if !ok {
			n++
		}
	}
	return n
}

func main() {
	p := &Progress{done: map[string]struct{}{}}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range 100 {
				id := fmt.Sprint(g, "-", i)
				p.MarkDone(id)
				p.Seen(id)
			}
		})
	}
	wg.Wait()
	fmt.Println(p.Count(), p.Pending([]string{"0-1", "9-9"}))
}
