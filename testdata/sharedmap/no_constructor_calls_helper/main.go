package main

import (
	"fmt"
	"sync"
)

type files struct {
	mu   sync.RWMutex
	open map[int]string
}

// newFiles builds the set and loads what is on disk before sharing it.
func newFiles(names []string) (*files, error) {
	f := &files{open: map[int]string{}}
	if err := f.load(names); err != nil {
		return nil, err
	}
	return f, nil
}

func (f *files) load(names []string) error {
	for i, n := range names {
		f.open[i] = n
	}
	return nil
}

func (f *files) add(i int, n string) {
	f.mu.Lock()
	f.open[i] = n
	f.mu.Unlock()
}

func (f *files) get(i int) string {
	f.mu.RLock()
	defer f.mu.RUnlock()
	return f.open[i]
}

func main() {
	f, err := newFiles([]string{"a", "b"})
	if err != nil {
		panic(err)
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f.add(10+g, "x")
		}()
	}
	wg.Wait()
	fmt.Println(f.get(0), f.get(12))
}
