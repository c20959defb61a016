// Command no_small_array_key counts requests by two yes/no traits: a key of
// type [2]bool has four values.
package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
)

type server struct {
	byTraits map[[2]bool]int
	secure   map[bool]int
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	s.byTraits[[2]bool{q.Has("debug"), q.Has("verbose")}]++
	s.secure[r.TLS != nil]++
}

func main() {
	s := &server{byTraits: map[[2]bool]int{}, secure: map[bool]int{}}
	for i := range requests() {
		s.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/?debug&n="+strconv.Itoa(i), nil))
	}
	fmt.Println("len:", len(s.byTraits)+len(s.secure))
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
