// Command partial_named_result fills its named result from a cache only
// on a hit, then counts into it on every path.
package main

import "fmt"

var cache = map[string]map[string]int{"warm": {"hits": 1}}

func stats(key string) (out map[string]int) {
	if c, ok := cache[key]; ok {
		out = c
	}
	out["calls"]++
	return
}

func main() {
	fmt.Println(stats("warm"))
	fmt.Println(stats("cold"))
}
