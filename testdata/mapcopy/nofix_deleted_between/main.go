// Command nofix_deleted_between evicts an entry and marks the copy it
// read: storing the copy back would bring the entry back.
package main

import "fmt"

type entry struct{ Evicted bool }

func evict(cache map[string]entry, k string) {
	e := cache[k]
	delete(cache, k)
	e.Evicted = true
}

func main() {
	cache := map[string]entry{"a": {}}
	evict(cache, "a")
	fmt.Println(cache)
}
