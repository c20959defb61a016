package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
)

// The test's client sends one request at a time.
func TestGreetServer(t *testing.T) {
	seen := map[string]int{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		seen[r.URL.Path]++
		io.WriteString(w, greet(r.URL.Path))
	}))
	defer srv.Close()
	for range 3 {
		resp, err := http.Get(srv.URL + "/x")
		if err != nil {
			t.Fatal(err)
		}
		io.ReadAll(resp.Body)
		resp.Body.Close()
	}
	if seen["/x"] != 3 {
		t.Errorf("seen %d", seen["/x"])
	}
}
