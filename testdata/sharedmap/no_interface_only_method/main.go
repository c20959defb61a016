package main

import (
	"fmt"
	"sync"
)

// cleaner's Put runs only through the writer interface, from replay, which
// Commit calls holding db.lock; no call of it is in sight, so which locks
// its callers hold is not known.
type writer interface{ Put(k string) }

type batch []string

func (b batch) replay(w writer) {
	for _, k := range b {
		w.Put(k)
	}
}

type database struct {
	lock    sync.Mutex
	dirties map[string]int
	clean   map[string]int
}

type cleaner struct{ db *database }

func (c *cleaner) Put(k string) {
	c.db.clean[k] = c.db.dirties[k]
	delete(c.db.dirties, k)
}

func (db *database) Update(k string, v int) {
	db.lock.Lock()
	defer db.lock.Unlock()
	db.dirties[k] = v
}

func (db *database) Commit(b batch) {
	db.lock.Lock()
	defer db.lock.Unlock()
	b.replay(&cleaner{db})
}

func (db *database) Get(k string) (int, bool) {
	db.lock.Lock()
	defer db.lock.Unlock()
	if v, ok := db.dirties[k]; ok {
		return v, true
	}
	v, ok := db.clean[k]
	return v, ok
}

func (db *database) Sizes() (int, int) {
	db.lock.Lock()
	defer db.lock.Unlock()
	return len(db.dirties), len(db.clean)
}

func main() {
	db := &database{dirties: map[string]int{}, clean: map[string]int{}}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range 50 {
				k := fmt.Sprint(g, "/", i)
				db.Update(k, i)
				db.Commit(batch{k})
				db.Get(k)
			}
		})
	}
	wg.Wait()
	fmt.Println(db.Sizes())
}
