// Command no_test_helper_server ships a helper for tests that starts a
// server recording the paths it was asked for: it lives as long as a test.
package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"sync"
	"testing"
)

// NewRecordingServer starts a server that remembers every path requested,
// for tests to inspect, and stops it when the test ends.
func NewRecordingServer(tb testing.TB) (*httptest.Server, func() int) {
	var mu sync.Mutex
	seen := map[string]int{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		seen[r.URL.Path]++
		mu.Unlock()
	}))
	tb.Cleanup(srv.Close)
	return srv, func() int {
		mu.Lock()
		defer mu.Unlock()
		return len(seen)
	}
}

func main() {
	served := 0
	for range requests() {
		served++
	}
	fmt.Println("served:", served)
}

// requests is how many requests to simulate: the first argument, or 10.
func requests() int {
	if len(os.Args) > 1 {
		if n, err := strconv.Atoi(os.Args[1]); err == nil {
			return n
		}
	}
	return 10
}
