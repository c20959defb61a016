package main

import (
	"fmt"
	"sort"
	"sync"
)

// A registry of package functions: Register and Lookup lock, Drivers does
// not. Users call exported functions from any goroutine; here they are
// started through a function value, where mapfix does not follow them.
var (
	driversMu sync.RWMutex
	drivers   = map[string]int{}
)

func Register(name string, v int) {
	driversMu.Lock()
	defer driversMu.Unlock()
	drivers[name] = v
}

func Lookup(name string) int {
	driversMu.RLock()
	defer driversMu.RUnlock()
	return drivers[name]
}

func Drivers() []string {
	var names []string
	for name := range drivers {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

func spawn(wg *sync.WaitGroup, f func()) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		f()
	}()
}

func main() {
	var wg sync.WaitGroup
	for g := range 3 {
		spawn(&wg, func() {
			for i := range 200 {
				Register(fmt.Sprint("d", g, "-", i%20), i)
			}
		})
	}
	spawn(&wg, func() {
		for range 50 {
			_ = Drivers()
		}
	})
	wg.Wait()
	fmt.Println(len(Drivers()), Lookup("d1-19"))
}
