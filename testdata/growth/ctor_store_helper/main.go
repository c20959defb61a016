// Command ctor_store_helper keeps a store made once by a constructor in its
// server; the handler records every tracked id through a helper method.
package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"time"
)

type store struct {
	events map[string][]time.Time
}

func newStore() *store {
	return &store{events: map[string][]time.Time{}}
}

// add records that id was seen now.
func (st *store) add(id string, at time.Time) {
	st.events[id] = append(st.events[id], at)
}

func (st *store) count() int { return len(st.events) }

type server struct {
	store *store
}

func newServer() *server {
	return &server{store: newStore()}
}

func (s *server) handleTrack(w http.ResponseWriter, r *http.Request) {
	s.store.add(r.URL.Query().Get("id"), time.Now())
	w.WriteHeader(http.StatusNoContent)
}

func main() {
	s := newServer()
	mux := http.NewServeMux()
	mux.HandleFunc("/track", s.handleTrack)
	for i := range requests() {
		req := httptest.NewRequest("GET", "/track?id=item"+strconv.Itoa(i), nil)
		mux.ServeHTTP(httptest.NewRecorder(), req)
	}
	fmt.Println("len:", s.store.count())
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
