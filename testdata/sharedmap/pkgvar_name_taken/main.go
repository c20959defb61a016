// A package map written by HTTP handlers: the fix's mutex would be
// cacheMu, a name the package uses for a function; it takes cacheMu2.
package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
)

var cache = map[string]string{}

// cacheMu names the cache's unit in log lines.
func cacheMu() string { return "entries" }

func handle(w http.ResponseWriter, r *http.Request) {
	cache[r.URL.Path] = r.Method
}

func main() {
	http.HandleFunc("/", handle)
	srv := httptest.NewServer(http.DefaultServeMux)
	defer srv.Close()
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range 20 {
				resp, err := http.Get(fmt.Sprintf("%s/%d/%d", srv.URL, i, j))
				if err == nil {
					resp.Body.Close()
				}
			}
		}()
	}
	wg.Wait()
	fmt.Println(len(cache), cacheMu())
}
