package main

import (
	"fmt"
	"sync"
)

type reg struct {
	mu    sync.Mutex
	names map[string]bool
}

func (r *reg) add(n string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.addLocked(n)
	r.bump(n)
}

func (r *reg) addLocked(n string) {
	r.names[n] = true
}

// bump is called with r.mu held.
func (r *reg) bump(n string) {
	r.names[n+"!"] = true
}

func (r *reg) has(n string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.names[n]
}

func main() {
	r := &reg{names: map[string]bool{}}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 200 {
				r.add(fmt.Sprint(g, i))
			}
		}()
	}
	wg.Wait()
	fmt.Println(r.has("3 199"), r.has("9"))
}
