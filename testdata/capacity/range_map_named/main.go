// Command range_map_named folds the keys of an http.Header, a named map type.
package main

import (
	"fmt"
	"net/http"
	"strconv"
	"testing"
)

// firstValues keeps the first value of each header.
func firstValues(h http.Header) map[string]string {
	out := make(map[string]string)
	for k, vs := range h {
		// Header keys are canonical already.
		out[k] = vs[0]
	}
	return out
}

func main() {
	h := make(http.Header, 1000)
	for i := range 1000 {
		h.Set("X-Field-"+strconv.Itoa(i), strconv.Itoa(i*i))
	}
	out := firstValues(h)
	fmt.Println(len(out), out["X-Field-0"], out["X-Field-999"])
	fmt.Printf("allocs: %v\n", testing.AllocsPerRun(100, func() { firstValues(h) }))
}
