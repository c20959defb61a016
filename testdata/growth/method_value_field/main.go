// Command method_value_field registers a method value as a handler; the
// server it is bound to keeps a set of visitors that only grows.
package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
)

type server struct {
	mux      *http.ServeMux
	visitors map[string]bool
}

func newServer() *server {
	s := &server{mux: http.NewServeMux(), visitors: make(map[string]bool)}
	s.mux.HandleFunc("/visit", s.visit)
	return s
}

func (s *server) visit(w http.ResponseWriter, r *http.Request) {
	user := r.Header.Get("X-User")
	s.visitors[user] = true
	fmt.Fprintf(w, "hello %s\n", user)
}

func main() {
	s := newServer()
	for i := range requests() {
		req := httptest.NewRequest("GET", "/visit", nil)
		req.Header.Set("X-User", "user"+strconv.Itoa(i))
		s.mux.ServeHTTP(httptest.NewRecorder(), req)
	}
	fmt.Println("len:", len(s.visitors))
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
