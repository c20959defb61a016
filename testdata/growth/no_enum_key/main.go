// Command no_enum_key counts requests per depth class, an enum: at most
// three keys.
package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
)

// depth classifies a path by how deep it goes.
type depth int

const (
	root depth = iota
	shallow
	deep
)

var perDepth = map[depth]int{}

func count(w http.ResponseWriter, r *http.Request) {
	d := depth(min(strings.Count(strings.Trim(r.URL.Path, "/"), "/"), int(deep)))
	perDepth[d]++
}

func main() {
	http.HandleFunc("/", count)
	for i := range requests() {
		path := []string{"/", "/a/", "/a/b/c/"}[i%3] + strconv.Itoa(i)
		http.DefaultServeMux.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", path, nil))
	}
	fmt.Println("len:", len(perDepth))
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
