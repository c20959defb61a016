// Command struct_other_pkg sets headers on a request made without them,
// with net/http imported under another name.
package main

import (
	"fmt"

	nethttp "net/http"
)

func main() {
	req := &nethttp.Request{Method: "GET"}
	for _, h := range []string{"X-A", "X-B"} {
		req.Header[h] = []string{h + "-value"}
	}
	fmt.Println(req.Method, req.Header.Get("X-B"), len(req.Header))
}
