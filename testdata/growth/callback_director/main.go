// Command callback_director counts proxied requests per path in the
// Director of a reverse proxy, a method value that httputil calls for every
// request.
package main

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"strconv"
	"sync"
)

type proxy struct {
	backend *url.URL
	mu      sync.Mutex
	perPath map[string]int
}

func (p *proxy) direct(r *http.Request) {
	p.mu.Lock()
	p.perPath[r.URL.Path]++
	p.mu.Unlock()
	r.URL.Scheme, r.URL.Host = p.backend.Scheme, p.backend.Host
}

func main() {
	backend := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "ok")
	}))
	defer backend.Close()
	u, _ := url.Parse(backend.URL)
	p := &proxy{backend: u, perPath: map[string]int{}}
	front := httptest.NewServer(&httputil.ReverseProxy{Director: p.direct})
	defer front.Close()
	for i := range requests() {
		resp, err := http.Get(front.URL + "/doc/" + strconv.Itoa(i))
		if err != nil {
			panic(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	p.mu.Lock()
	fmt.Println("len:", len(p.perPath))
	p.mu.Unlock()
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
