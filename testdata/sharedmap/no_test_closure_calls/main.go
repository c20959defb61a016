// Command no_test_closure_calls has a helper, take, that every caller in
// the package calls holding s.mu, except a test that calls it from a local
// closure while nothing else runs (etcd's lessor.expireExists, called from
// closures in lease_queue_test.go).
package main

import (
	"fmt"
	"sync"
)

type queue struct {
	mu    sync.Mutex
	items map[int]string
}

func newQueue() *queue { return &queue{items: map[int]string{}} }

func (q *queue) take(id int) string {
	v := q.items[id]
	delete(q.items, id)
	return v
}

func (q *queue) Take(id int) string {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.take(id)
}

func (q *queue) Put(id int, v string) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.items[id] = v
}

func (q *queue) Has(id int) bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	_, ok := q.items[id]
	return ok
}

func (q *queue) Len() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return len(q.items)
}

func main() {
	q := newQueue()
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			q.Put(i, fmt.Sprint("job", i))
			if q.Has(i) {
				q.Take(i)
			}
		})
	}
	wg.Wait()
	fmt.Println(q.Len())
}
