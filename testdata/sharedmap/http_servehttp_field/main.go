package main

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
)

type counter struct {
	seen map[string]int
}

func (c *counter) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	for range 100 {
		c.seen[r.URL.Query().Get("k")]++
	}
	io.WriteString(w, "ok")
}

func main() {
	c := &counter{seen: map[string]int{}}
	srv := httptest.NewServer(c)
	defer srv.Close()
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 5 {
				resp, err := http.Get(fmt.Sprintf("%s/?k=%d", srv.URL, i%4))
				if err != nil {
					panic(err)
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
		}()
	}
	wg.Wait()
	fmt.Println(len(c.seen), c.seen["0"])
}
