package main

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
)

type store struct {
	items map[string]int
}

func (s *store) add(w http.ResponseWriter, r *http.Request) {
	k := r.URL.Query().Get("k")
	for i := range 100 {
		s.items[fmt.Sprint(k, i)] = i
	}
	io.WriteString(w, "ok")
}

func (s *store) remove(w http.ResponseWriter, r *http.Request) {
	for i := range 100 {
		delete(s.items, fmt.Sprint("gone", i))
	}
	io.WriteString(w, "ok")
}

func main() {
	s := &store{items: map[string]int{}}
	mux := http.NewServeMux()
	mux.HandleFunc("/add", s.add)
	mux.HandleFunc("/remove", s.remove)
	srv := httptest.NewServer(mux)
	defer srv.Close()
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			path := "/add?k=" + fmt.Sprint(i)
			if i%2 == 1 {
				path = "/remove"
			}
			for range 5 {
				resp, err := http.Get(srv.URL + path)
				if err != nil {
					panic(err)
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
		}()
	}
	wg.Wait()
	fmt.Println(len(s.items))
}
