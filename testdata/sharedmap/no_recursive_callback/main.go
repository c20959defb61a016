package main

import (
	"fmt"
	"sync"
)

// dereference calls itself from the callback it hands to forChildren, as
// go-ethereum's trie database does; its only other caller holds db.lock.
type node struct{ children []string }

func (n *node) forChildren(f func(string)) {
	for _, c := range n.children {
		f(c)
	}
}

type database struct {
	lock    sync.RWMutex
	dirties map[string]*node
}

func (db *database) Insert(k string, children ...string) {
	db.lock.Lock()
	defer db.lock.Unlock()
	db.dirties[k] = &node{children: children}
}

func (db *database) Has(k string) bool {
	db.lock.RLock()
	defer db.lock.RUnlock()
	_, ok := db.dirties[k]
	return ok
}

func (db *database) Size() int {
	db.lock.RLock()
	defer db.lock.RUnlock()
	return len(db.dirties)
}

func (db *database) Dereference(root string) {
	db.lock.Lock()
	defer db.lock.Unlock()
	db.dereference(root)
}

func (db *database) dereference(k string) {
	n, ok := db.dirties[k]
	if !ok {
		return
	}
	n.forChildren(func(c string) {
		db.dereference(c)
	})
	delete(db.dirties, k)
}

func main() {
	db := &database{dirties: map[string]*node{}}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range 50 {
				k := fmt.Sprint(g, "/", i)
				db.Insert(k + "/a")
				db.Insert(k, k+"/a")
				if i%2 == 0 {
					db.Dereference(k)
				}
			}
		})
	}
	wg.Wait()
	fmt.Println(db.Size(), db.Has("0/1"))
}
