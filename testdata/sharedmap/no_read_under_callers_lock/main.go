// Command no_read_under_callers_lock has a pool whose targets map is
// written only while holding targetMtx and, through the callers, mtx. A
// helper reads it without targetMtx, from two places that both run under
// mtx two calls up: no write can run at the same time. (The shape of
// prometheus' scrapePool.refreshTargetLimitErr.)
package main

import (
	"fmt"
	"sync"
)

type pool struct {
	mtx       sync.Mutex // serializes Sync and Reload
	targetMtx sync.Mutex // guards targets for the readers below
	targets   map[string]int
	over      bool
}

func (p *pool) Sync(names []string) {
	p.mtx.Lock()
	defer p.mtx.Unlock()
	p.sync(names)
}

func (p *pool) sync(names []string) {
	p.targetMtx.Lock()
	for i, n := range names {
		p.targets[n] = i
	}
	p.targetMtx.Unlock()
	p.over = p.tooMany()
}

func (p *pool) Reload() {
	p.mtx.Lock()
	defer p.mtx.Unlock()
	p.restart()
}

func (p *pool) restart() {
	p.targetMtx.Lock()
	p.over = p.tooMany()
	p.targetMtx.Unlock()
}

// tooMany is called holding mtx, through its callers' callers.
func (p *pool) tooMany() bool { return len(p.targets) > 3 }

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
			p.Sync([]string{"a", fmt.Sprint(i)})
			p.Reload()
			p.active("a")
		})
	}
	wg.Wait()
	p.mtx.Lock()
	fmt.Println(p.count(), p.over)
	p.mtx.Unlock()
}
