// Command embedded sets a field promoted from an embedded struct.
package main

import "fmt"

type meta struct{ Version int }

type doc struct {
	meta
	Title string
}

func publish(docs map[string]doc) {
	for id, d := range docs {
		d.Version++
		fmt.Println("published", id)
	}
}

func main() {
	docs := map[string]doc{"readme": {meta{1}, "Read me"}}
	fmt.Println("before:", docs)
	publish(docs)
	fmt.Println("after:", docs)
}
