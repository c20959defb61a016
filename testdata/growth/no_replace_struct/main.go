// Command no_replace_struct replaces its whole cache, map included, when the
// cache is flushed.
package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
)

type cache struct {
	items map[string]string
}

func newCache() *cache { return &cache{items: map[string]string{}} }

func (c *cache) put(k, v string) { c.items[k] = v }

type server struct {
	cache *cache
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/flush" {
		s.flush()
		return
	}
	s.cache.put(r.URL.Path, r.FormValue("v"))
}

func (s *server) flush() {
	s.cache = newCache()
}

func main() {
	s := &server{cache: newCache()}
	for i := range requests() {
		s.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/k"+strconv.Itoa(i)+"?v=x", nil))
	}
	s.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/flush", nil))
	fmt.Println("len:", len(s.cache.items))
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
