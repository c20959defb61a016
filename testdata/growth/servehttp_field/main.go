// Command servehttp_field counts hits per path in a field of the handler,
// which lives as long as the server.
package main

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"sync"
)

type counter struct {
	mu   sync.Mutex
	hits map[string]int
}

func (c *counter) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	c.hits[r.URL.Path]++
	c.mu.Unlock()
	io.WriteString(w, "ok")
}

func main() {
	c := &counter{hits: map[string]int{}}
	srv := httptest.NewServer(c)
	defer srv.Close()
	for i := range requests() {
		resp, err := http.Get(srv.URL + "/page/" + strconv.Itoa(i))
		if err != nil {
			panic(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	c.mu.Lock()
	fmt.Println("len:", len(c.hits))
	c.mu.Unlock()
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
