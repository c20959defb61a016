package main

import (
	"fmt"
	"sync"
)

type book struct {
	mu    sync.Mutex
	pages map[int]string
}

func (b *book) write(n int, s string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.store(n, s)
}

func (b *book) store(n int, s string) {
	b.pages[n] = s
}

func (b *book) read(n int) string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.pages[n]
}

func main() {
	b := &book{pages: map[int]string{}}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 200 {
				b.write(g*1000+i, "p")
			}
		}()
	}
	wg.Wait()
	fmt.Println(b.read(3199))
}
