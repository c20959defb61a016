// Command handlefunc_pkgvar remembers every user that logs in, in a package
// map that nothing ever deletes from.
package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"time"
)

var sessions = map[string]time.Time{}

func handleLogin(w http.ResponseWriter, r *http.Request) {
	sessions[r.FormValue("user")] = time.Now()
	fmt.Fprintln(w, "welcome")
}

func main() {
	http.HandleFunc("/login", handleLogin)
	for i := range requests() {
		req := httptest.NewRequest("POST", "/login?user=u"+strconv.Itoa(i), nil)
		http.DefaultServeMux.ServeHTTP(httptest.NewRecorder(), req)
	}
	fmt.Println("len:", len(sessions))
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
