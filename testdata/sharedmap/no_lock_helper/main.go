package main

import (
	"fmt"
	"sort"
	"sync"
)

// The writers lock registry.mu themselves; the readers call
// lockRegistry and unlockRegistry, which take and release the same lock
// for their callers (runtime/pprof's lockProfiles shape): every access
// holds it.
var registry struct {
	mu sync.Mutex
	m  map[string]int
}

func lockRegistry() {
	registry.mu.Lock()
	if registry.m == nil {
		registry.m = map[string]int{}
	}
}

func unlockRegistry() {
	registry.mu.Unlock()
}

func Register(name string, v int) {
	registry.mu.Lock()
	defer registry.mu.Unlock()
	if registry.m == nil {
		registry.m = map[string]int{}
	}
	registry.m[name] = v
}

func Remove(name string) {
	registry.mu.Lock()
	delete(registry.m, name)
	registry.mu.Unlock()
}

func Lookup(name string) int {
	lockRegistry()
	defer unlockRegistry()
	return registry.m[name]
}

func Names() []string {
	lockRegistry()
	defer unlockRegistry()
	var names []string
	for n := range registry.m {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func main() {
	var wg sync.WaitGroup
	for g := range 3 {
		wg.Go(func() {
			for i := range 100 {
				Register(fmt.Sprint(g, i%10), i)
				if i%4 == 0 {
					Remove(fmt.Sprint(g, i%10))
				}
				_ = Lookup("1")
				_ = Names()
			}
		})
	}
	wg.Wait()
	fmt.Println(len(Names()), Lookup("19"))
}
