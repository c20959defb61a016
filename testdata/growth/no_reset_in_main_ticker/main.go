// Command no_reset_in_main_ticker records every visitor per request, and a
// ticker goroutine that main starts forgets them all every hour: the map
// is reset, not only grown.
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
	mu       sync.Mutex
	visitors = map[string]time.Time{}
)

func visit(w http.ResponseWriter, r *http.Request) {
	mu.Lock()
	visitors[r.FormValue("u")] = time.Now()
	mu.Unlock()
}

func main() {
	go func() {
		for range time.Tick(time.Hour) {
			mu.Lock()
			visitors = map[string]time.Time{}
			mu.Unlock()
		}
	}()
	http.HandleFunc("/visit", visit)
	n := 10
	if len(os.Args) > 1 {
		n, _ = strconv.Atoi(os.Args[1])
	}
	for i := range n {
		req := httptest.NewRequest("GET", "/visit?u="+strconv.Itoa(i%3), nil)
		http.DefaultServeMux.ServeHTTP(httptest.NewRecorder(), req)
	}
	mu.Lock()
	fmt.Println("len:", len(visitors))
	mu.Unlock()
}
