// Command handler_shape_table routes requests through a table of its own;
// the handler in it records every referrer, and nothing forgets one.
package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
)

var referrers = map[string]int{}

func track(w http.ResponseWriter, r *http.Request) {
	referrers[r.Referer()]++
	w.WriteHeader(http.StatusNoContent)
}

var routes = map[string]func(http.ResponseWriter, *http.Request){
	"/track": track,
}

type router struct{}

func (router) dispatch(w http.ResponseWriter, r *http.Request) bool {
	h, ok := routes[r.URL.Path]
	if ok {
		h(w, r)
	}
	return ok
}

func main() {
	var rt router
	for i := range requests() {
		req := httptest.NewRequest("GET", "/track", nil)
		req.Header.Set("Referer", "https://example.com/"+strconv.Itoa(i))
		rt.dispatch(httptest.NewRecorder(), req)
	}
	fmt.Println("len:", len(referrers))
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
