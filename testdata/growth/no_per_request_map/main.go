// Command no_per_request_map builds a map of the query's keys for each
// request; it is garbage once the request is served.
package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
)

type form struct {
	fields map[string]string
}

var served int

func handle(w http.ResponseWriter, r *http.Request) {
	seen := map[string]bool{}
	f := &form{fields: map[string]string{}}
	for k, v := range r.URL.Query() {
		seen[k] = true
		f.fields[k] = v[0]
	}
	served++
	fmt.Fprintln(w, len(seen), len(f.fields))
}

func main() {
	http.HandleFunc("/", handle)
	for i := range requests() {
		http.DefaultServeMux.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/?k"+strconv.Itoa(i)+"=v", nil))
	}
	fmt.Println("served:", served)
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
