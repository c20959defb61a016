// Command guarded_range fills the map in a loop guarded by a length check
// of the slice it ranges over: the guard changes nothing about the count.
package main

import (
	"fmt"
	"strconv"
	"testing"
)

type handler struct{ headers map[string]bool }

// newHandler lists the headers to turn into tags.
func newHandler(asTags []string) *handler {
	h := &handler{}
	headers := make(map[string]bool)
	if len(asTags) > 0 {
		for _, name := range asTags {
			headers[name] = true
		}
	}
	h.headers = headers
	return h
}

func main() {
	tags := make([]string, 500)
	for i := range tags {
		tags[i] = "h" + strconv.Itoa(i)
	}
	fmt.Println(len(newHandler(tags).headers), len(newHandler(nil).headers))
	fmt.Printf("allocs: %v\n", testing.AllocsPerRun(100, func() { newHandler(tags) }))
}
