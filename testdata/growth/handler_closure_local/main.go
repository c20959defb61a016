// Command handler_closure_local counts requests per client in a map that
// main declares and a registered handler captures: it lives as long as the
// handler does.
package main

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"sync"
)

// clientKey names the client of r.
func clientKey(r *http.Request) string {
	return r.Header.Get("X-Client") + "@" + r.URL.Path
}

func main() {
	var mu sync.Mutex
	perClient := map[string]int{}
	mux := http.NewServeMux()
	mux.Handle("/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key := clientKey(r)
		mu.Lock()
		perClient[key]++
		mu.Unlock()
		io.WriteString(w, "ok")
	}))
	srv := httptest.NewServer(mux)
	defer srv.Close()
	for i := range requests() {
		req, _ := http.NewRequest("GET", srv.URL+"/api", nil)
		req.Header.Set("X-Client", "c"+strconv.Itoa(i))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			panic(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	mu.Lock()
	fmt.Println("len:", len(perClient))
	mu.Unlock()
}

// requests is how many requests to send: the first argument, or 10.
func requests() int {
	if len(os.Args) > 1 {
		if n, err := strconv.Atoi(os.Args[1]); err == nil {
			return n
		}
	}
	return 10
}
