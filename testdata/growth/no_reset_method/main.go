// Command no_reset_method collects per-client counters that an admin
// endpoint resets through the server's Reset method.
package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
)

type server struct {
	mux     *http.ServeMux
	clients map[string]int
}

func newServer() *server {
	s := &server{mux: http.NewServeMux(), clients: map[string]int{}}
	s.mux.HandleFunc("/hit", s.hit)
	s.mux.HandleFunc("/reset", func(w http.ResponseWriter, r *http.Request) { s.Reset() })
	return s
}

func (s *server) hit(w http.ResponseWriter, r *http.Request) {
	s.clients[r.Header.Get("X-Client")]++
}

// Reset forgets every client.
func (s *server) Reset() {
	s.clients = make(map[string]int)
}

func main() {
	s := newServer()
	for i := range requests() {
		req := httptest.NewRequest("GET", "/hit", nil)
		req.Header.Set("X-Client", "c"+strconv.Itoa(i))
		s.mux.ServeHTTP(httptest.NewRecorder(), req)
	}
	s.mux.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("POST", "/reset", nil))
	fmt.Println("len:", len(s.clients))
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
