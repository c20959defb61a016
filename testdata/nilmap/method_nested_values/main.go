// Command method_nested_values collects header values per host in a map of
// http.Header, whose inner headers nothing makes: Add writes into them.
package main

import (
	"fmt"
	"net/http"
)

type entry struct{ host, key, value string }

func main() {
	byHost := map[string]http.Header{}
	for _, e := range []entry{{"a", "X-Id", "1"}, {"b", "X-Id", "2"}, {"a", "X-Id", "3"}} {
		byHost[e.host].Add(e.key, e.value)
	}
	fmt.Println(byHost["a"].Values("X-Id"), byHost["b"].Get("X-Id"))
}
