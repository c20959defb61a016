package main

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
)

var routes = map[string]string{}

func init() {
	routes["/a"] = "alpha"
}

func lookup(w http.ResponseWriter, r *http.Request) {
	io.WriteString(w, routes[r.URL.Path])
}

func main() {
	routes["/b"] = "beta"
	mux := http.NewServeMux()
	mux.HandleFunc("/", lookup)
	srv := httptest.NewServer(mux)
	defer srv.Close()
	var wg sync.WaitGroup
	got := make([]string, 4)
	for i := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			path := "/a"
			if i%2 == 1 {
				path = "/b"
			}
			resp, err := http.Get(srv.URL + path)
			if err != nil {
				panic(err)
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			got[i] = string(b)
		}()
	}
	wg.Wait()
	fmt.Println(got, len(routes))
}
