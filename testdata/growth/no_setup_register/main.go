// Command no_setup_register registers a plugin whose setup function keeps a
// registry per configured address: it runs once per server block of the
// configuration, not per request.
package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"

	"github.com/mapfix/mapfix/testdata/growth/no_setup_register/plugin"
)

type registry struct {
	byAddr map[string]*http.ServeMux
}

var reg = &registry{byAddr: map[string]*http.ServeMux{}}

func (r *registry) getOrSet(addr string) *http.ServeMux {
	if m, ok := r.byAddr[addr]; ok {
		return m
	}
	m := http.NewServeMux()
	r.byAddr[addr] = m
	return m
}

func setup(c *plugin.Controller) error {
	mux := reg.getOrSet(c.Addr)
	mux.HandleFunc("/metrics", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "up 1")
	})
	return nil
}

func main() {
	plugin.Register("metrics", setup)
	if err := plugin.Load([]string{":9153", ":9154"}); err != nil {
		panic(err)
	}
	for range requests() {
		reg.byAddr[":9153"].ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/metrics", nil))
	}
	fmt.Println("len:", len(reg.byAddr))
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
