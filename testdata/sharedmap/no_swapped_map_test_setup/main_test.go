package main

import (
	"sync"
	"testing"
)

// shared is the notifier the tests share, set up once per test.
var shared = &Notifier{}

func TestTargets(t *testing.T) {
	shared.apply(map[string][]string{})
	shared.sets["a"] = []string{"x"}
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() { shared.Targets() })
	}
	wg.Wait()
	if got := shared.Count(); got != 1 {
		t.Fatalf("Count() = %d, want 1", got)
	}
}
