// Command no_evict_helper deletes expired sessions through a helper that
// takes the map as a parameter, and through a local copy of it.
package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
)

type server struct {
	sessions map[string]int
	tokens   map[string]string
}

func evict(m map[string]int, key string) {
	delete(m, key)
}

func (s *server) login(w http.ResponseWriter, r *http.Request) {
	user := r.FormValue("user")
	s.sessions[user]++
	s.tokens[user] = "t-" + user
}

func (s *server) logout(w http.ResponseWriter, r *http.Request) {
	evict(s.sessions, r.FormValue("user"))
	tokens := s.tokens
	delete(tokens, r.FormValue("user"))
}

func main() {
	s := &server{sessions: map[string]int{}, tokens: map[string]string{}}
	mux := http.NewServeMux()
	mux.HandleFunc("/login", s.login)
	mux.HandleFunc("/logout", s.logout)
	for i := range requests() {
		user := "u" + strconv.Itoa(i)
		mux.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("POST", "/login?user="+user, nil))
		mux.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("POST", "/logout?user="+user, nil))
	}
	fmt.Println("len:", len(s.sessions)+len(s.tokens))
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
