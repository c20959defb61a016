// Command no_goto has a goto: the rule does not follow its paths.
package main

import "fmt"

func main() {
	m := map[string]map[string]int{}
	i := 0
again:
	if m["a"] == nil {
		m["a"] = map[string]int{}
	}
	m["a"]["x"]++
	i++
	if i < 2 {
		goto again
	}
	fmt.Println(m["a"]["x"])
}
