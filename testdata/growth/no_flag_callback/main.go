// Command no_flag_callback collects tags from the command line through
// flag.Func, a callback that runs once per flag at startup, not per request.
package main

import (
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
)

var tags = map[string]bool{}

func main() {
	fs := flag.NewFlagSet("serve", flag.ExitOnError)
	fs.Func("tag", "a tag (repeatable)", func(s string) error {
		tags[s] = true
		return nil
	})
	fs.Parse([]string{"-tag", "a", "-tag", "b"})
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, tags[r.URL.Query().Get("tag")])
	})
	for i := range requests() {
		http.DefaultServeMux.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/?tag=t"+strconv.Itoa(i), nil))
	}
	fmt.Println("len:", len(tags))
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
