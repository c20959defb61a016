// Command no_read_under_write_lock has a pool whose targets map is written
// only while holding both mtx and targetMtx; most reads take targetMtx, and
// one reads while holding mtx alone. Every write holds mtx too, so that
// read cannot race with a write. (The shape of prometheus' scrapePool.)
package main

import (
	"fmt"
	"sync"
)

type pool struct {
	mtx       sync.Mutex // serializes sync and stop
	targetMtx sync.Mutex // guards targets for the readers below
	targets   map[string]int
}

func (p *pool) sync(names []string) int {
	p.mtx.Lock()
	defer p.mtx.Unlock()
	p.targetMtx.Lock()
	for i, n := range names {
		p.targets[n] = i
	}
	p.targetMtx.Unlock()
	return len(p.targets) // mtx is held: no write can run
}

func (p *pool) stop() {
	p.mtx.Lock()
	defer p.mtx.Unlock()
	p.targetMtx.Lock()
	clear(p.targets)
	p.targetMtx.Unlock()
}

func (p *pool) active(n string) bool {
	p.targetMtx.Lock()
	defer p.targetMtx.Unlock()
	_, ok := p.targets[n]
	return ok
}

func (p *pool) count() int {
	p.targetMtx.Lock()
	defer p.targetMtx.Unlock()
	return len(p.targets)
}

func main() {
	p := &pool{targets: map[string]int{}}
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Go(func() {
			p.sync([]string{"a", "b", fmt.Sprint(i)})
			p.active("a")
			p.count()
		})
	}
	wg.Wait()
	fmt.Println(p.active("a"), p.count() >= 3)
	p.stop()
	fmt.Println(p.count())
}
