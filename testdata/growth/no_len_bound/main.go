// Command no_len_bound caches responses, but never more than maxEntries.
package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
)

const maxEntries = 4

type cache struct {
	pages map[string][]byte
}

func (c *cache) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if b, ok := c.pages[r.URL.Path]; ok {
		w.Write(b)
		return
	}
	b := []byte("page " + r.URL.Path)
	if len(c.pages) >= maxEntries {
		w.Write(b) // full: serve without caching
		return
	}
	c.pages[r.URL.Path] = b
	w.Write(b)
}

func main() {
	c := &cache{pages: map[string][]byte{}}
	for i := range requests() {
		c.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/p/"+strconv.Itoa(i), nil))
	}
	fmt.Println("len:", len(c.pages))
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
