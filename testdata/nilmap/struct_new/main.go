// Command struct_new fills a cache made with new.
package main

import "fmt"

type cache struct {
	hits  int
	items map[string][]byte
}

func main() {
	c := new(cache)
	for _, k := range []string{"a", "b", "a"} {
		c.items[k] = []byte(k + k)
	}
	fmt.Println(len(c.items), string(c.items["b"]))
}
