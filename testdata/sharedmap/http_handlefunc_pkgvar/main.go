package main

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
)

var hits = map[string]int{}

// count tallies requests by path.
func count(w http.ResponseWriter, r *http.Request) {
	for range 100 {
		hits[r.URL.Path]++
	}
	io.WriteString(w, "ok")
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/", count)
	srv := httptest.NewServer(mux)
	defer srv.Close()
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 5 {
				resp, err := http.Get(fmt.Sprintf("%s/p%d", srv.URL, i%2))
				if err != nil {
					panic(err)
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
		}()
	}
	wg.Wait()
	fmt.Println(hits["/p0"], hits["/p1"])
}
