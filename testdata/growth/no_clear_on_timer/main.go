// Command no_clear_on_timer counts hits per path and starts afresh on every
// tick of a timer.
package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"sync"
	"time"
)

var (
	mu   sync.Mutex
	hits = map[string]int{}
)

func handle(w http.ResponseWriter, r *http.Request) {
	mu.Lock()
	hits[r.URL.Path]++
	mu.Unlock()
}

// resetEvery clears hits on every tick.
func resetEvery(d time.Duration) {
	for range time.Tick(d) {
		mu.Lock()
		clear(hits)
		mu.Unlock()
	}
}

func main() {
	go resetEvery(5 * time.Millisecond)
	http.HandleFunc("/", handle)
	for i := range requests() {
		http.DefaultServeMux.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/p/"+strconv.Itoa(i), nil))
	}
	time.Sleep(100 * time.Millisecond) // a tick clears what the requests added
	mu.Lock()
	fmt.Println("len:", len(hits))
	mu.Unlock()
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
