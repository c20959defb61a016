// Command callback_connstate tracks connections from http.Server's
// ConnState callback, which net/http calls for every connection, and never
// forgets a closed one.
package main

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"sync"
	"time"
)

var (
	mu     sync.Mutex
	opened = map[string]time.Time{}
)

func main() {
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "ok")
	}))
	srv.Config.ConnState = func(c net.Conn, st http.ConnState) {
		if st == http.StateNew {
			mu.Lock()
			opened[c.RemoteAddr().String()] = time.Now()
			mu.Unlock()
		}
	}
	srv.Start()
	defer srv.Close()
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	for range connections() {
		resp, err := client.Get(srv.URL)
		if err != nil {
			panic(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	mu.Lock()
	fmt.Println("len:", len(opened))
	mu.Unlock()
}

// connections is how many connections to open: the first argument, or 10.
func connections() int {
	if len(os.Args) > 1 {
		if n, err := strconv.Atoi(os.Args[1]); err == nil {
			return n
		}
	}
	return 10
}
