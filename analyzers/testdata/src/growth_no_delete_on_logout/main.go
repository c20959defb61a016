// Command no_delete_on_logout deletes a session when its user logs out.
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
}

func handleLogout(w http.ResponseWriter, r *http.Request) {
	delete(sessions, r.FormValue("user"))
}

func main() {
	http.HandleFunc("/login", handleLogin)
	http.HandleFunc("/logout", handleLogout)
	for i := range requests() {
		user := "u" + strconv.Itoa(i)
		http.DefaultServeMux.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("POST", "/login?user="+user, nil))
		http.DefaultServeMux.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("POST", "/logout?user="+user, nil))
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
