// Command no_constant_switch counts only the paths it knows, listed as
// constants: the map holds three keys at most.
package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
)

var hits = map[string]int{}

func handle(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/", "/about", "/contact":
		hits[r.URL.Path]++
	}
	if m := r.Method; m == "GET" || m == "HEAD" {
		hits[m]++
	}
}

func main() {
	http.HandleFunc("/", handle)
	for i := range requests() {
		http.DefaultServeMux.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", []string{"/", "/about", "/x" + strconv.Itoa(i)}[i%3], nil))
	}
	fmt.Println("len:", len(hits))
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
