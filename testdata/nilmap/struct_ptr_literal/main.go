// Command struct_ptr_literal fills a map field of a struct made with a
// multi-line literal.
package main

import (
	"fmt"
	"net/url"
)

// Request is an outgoing request.
type Request struct {
	Method string
	Query  url.Values
}

func main() {
	r := &Request{
		Method: "GET", // always GET here
	}
	r.Query["q"] = []string{"maps"}
	fmt.Println(r.Method, r.Query.Encode())
}
