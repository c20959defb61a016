// Command no_constant_key counts requests and errors under fixed names.
package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
)

var stats = map[string]int{}

func handle(w http.ResponseWriter, r *http.Request) {
	stats["requests"]++
	name := "ok"
	if r.URL.Query().Get("fail") != "" {
		name = "errors"
	}
	stats[name]++
}

func main() {
	http.HandleFunc("/", handle)
	for i := range requests() {
		http.DefaultServeMux.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/?fail="+strconv.Itoa(i%2), nil))
	}
	fmt.Println("len:", len(stats))
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
