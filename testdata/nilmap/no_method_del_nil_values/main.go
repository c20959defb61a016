// Command no_method_del_nil_values deletes from and reads a nil url.Values
// and http.Header: only Set and Add write, and deleting from a nil map is
// fine.
package main

import (
	"fmt"
	"net/http"
	"net/url"
)

func main() {
	var q url.Values
	q.Del("a")
	var h http.Header
	h.Del("X-Id")
	fmt.Println(q.Get("a"), q.Has("a"), q.Encode(), h.Get("X-Id"), len(h.Values("X-Id")))
}
