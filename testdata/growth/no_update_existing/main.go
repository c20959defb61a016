// Command no_update_existing counts quota use for tenants that main
// registered; requests for other tenants are refused, not added; and it
// counts requests only for the paths an allow-list names.
package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
)

type server struct {
	used    map[string]int
	perPath map[string]int
}

// counted lists the paths worth counting.
var counted = map[string]bool{"/": true, "/status": true}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	tenant := r.Header.Get("X-Tenant")
	if _, ok := s.used[tenant]; !ok {
		http.Error(w, "unknown tenant", http.StatusForbidden)
		return
	}
	s.used[tenant]++
	if n, known := s.used[r.URL.Path]; known {
		s.used[r.URL.Path] = n + 1
	}
	if !counted[r.URL.Path] {
		return
	}
	s.perPath[r.URL.Path]++
}

func main() {
	s := &server{used: map[string]int{"acme": 0, "globex": 0}, perPath: map[string]int{}}
	for i := range requests() {
		req := httptest.NewRequest("GET", []string{"/", "/p" + strconv.Itoa(i), "/status"}[i%3], nil)
		req.Header.Set("X-Tenant", []string{"acme", "globex", "t" + strconv.Itoa(i)}[i%3])
		s.ServeHTTP(httptest.NewRecorder(), req)
	}
	fmt.Println("len:", len(s.used)+len(s.perPath))
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
