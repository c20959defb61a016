// Command no_init_only fills its routing table in init and main, before it
// serves; the handler only reads it.
package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
)

var routes = map[string]string{}

func init() {
	routes["/"] = "home"
}

func handle(w http.ResponseWriter, r *http.Request) {
	name, ok := routes[r.URL.Path]
	if !ok {
		http.NotFound(w, r)
		return
	}
	fmt.Fprintln(w, name)
}

func main() {
	for _, p := range os.Args[1:] {
		routes["/"+p] = p
	}
	http.HandleFunc("/", handle)
	for i := range requests() {
		http.DefaultServeMux.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/x"+strconv.Itoa(i), nil))
	}
	fmt.Println("len:", len(routes)-len(os.Args[1:]))
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
