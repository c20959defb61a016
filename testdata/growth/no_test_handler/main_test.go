package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
)

// testServer records the paths the tests ask for: it lives as long as the
// test binary.
var testServer = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
	seen[r.URL.Path]++
}))

func TestHandler(t *testing.T) {
	for i := range 3 {
		resp, err := http.Get(testServer.URL + "/" + strconv.Itoa(i))
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	if len(seen) != 3 {
		t.Fatal(len(seen))
	}
}
