// Command nested_pkg_var records which users saw which pages in a
// package-level map.
package main

import "fmt"

var seen = map[string]map[int]bool{}

func visit(user string, page int) {
	seen[user][page] = true
}

func main() {
	visit("ann", 1)
	visit("ann", 2)
	visit("bob", 1)
	fmt.Println(len(seen["ann"]), len(seen["bob"]))
}
