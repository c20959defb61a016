package main

import (
	"fmt"
	"sort"
	"sync"
)

// Labels' doc speaks of the map it returns, not of the one it reads: that
// one is still read without the lock that Set takes.
type Target struct {
	mu     sync.Mutex
	labels map[string]string
}

func (t *Target) Set(k, v string) {
	t.mu.Lock()
	t.labels[k] = v
	t.mu.Unlock()
}

func (t *Target) Get(k string) string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.labels[k]
}

// Labels returns the target's labels. The returned map is a copy and is
// safe to modify.
func (t *Target) Labels() map[string]string {
	out := map[string]string{}
	for k, v := range t.labels {
		out[k] = v
	}
	return out
}

func main() {
	t := &Target{labels: map[string]string{}}
	var wg sync.WaitGroup
	for g := range 3 {
		wg.Go(func() {
			for i := range 300 {
				t.Set(fmt.Sprint(g, "-", i%30), "v")
			}
		})
	}
	wg.Go(func() {
		for range 100 {
			_ = t.Labels()
		}
	})
	wg.Wait()
	keys := make([]string, 0)
	for k := range t.Labels() {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Println(len(keys), keys[0], t.Get(keys[0]))
}
