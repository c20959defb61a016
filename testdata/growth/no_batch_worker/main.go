// Command no_batch_worker counts words on a worker goroutine that each
// request starts and waits for: the map lives as long as the request.
package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
)

type tally struct {
	counts map[string]int
}

func countWords(text string) map[string]int {
	t := &tally{counts: map[string]int{}}
	words := make(chan string)
	done := make(chan struct{})
	go t.collect(words, done)
	for _, w := range strings.Fields(text) {
		words <- w
	}
	close(words)
	<-done
	return t.counts
}

func (t *tally) collect(words <-chan string, done chan<- struct{}) {
	for w := range words {
		t.counts[w]++
	}
	close(done)
}

var requestsServed int

func handle(w http.ResponseWriter, r *http.Request) {
	requestsServed++
	fmt.Fprintln(w, len(countWords(r.FormValue("text"))))
}

func main() {
	http.HandleFunc("/", handle)
	for i := range requests() {
		http.DefaultServeMux.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/?text=a+b+w"+strconv.Itoa(i), nil))
	}
	fmt.Println("served:", requestsServed)
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
