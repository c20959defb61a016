// Command no_method_parsed_values sets parameters in url.Values that
// url.ParseQuery and URL.Query make.
package main

import (
	"fmt"
	"net/http"
	"net/url"
)

func withPage(raw string, page int) (string, error) {
	var q url.Values
	q, err := url.ParseQuery(raw)
	if err != nil {
		return "", err
	}
	q.Set("page", fmt.Sprint(page))
	return q.Encode(), nil
}

func handle(r *http.Request) string {
	q := r.URL.Query()
	q.Add("seen", "1")
	return q.Encode()
}

func main() {
	s, err := withPage("a=1", 2)
	fmt.Println(s, err)
	r, _ := http.NewRequest("GET", "http://x/?b=2", nil)
	fmt.Println(handle(r))
}
