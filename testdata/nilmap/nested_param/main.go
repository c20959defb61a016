// Command nested_param adds edges to a graph passed as a parameter.
package main

import "fmt"

func addEdge(g map[string]map[string]bool, from, to string) {
	g[from][to] = true
}

func main() {
	g := make(map[string]map[string]bool)
	addEdge(g, "a", "b")
	addEdge(g, "a", "c")
	addEdge(g, "b", "c")
	fmt.Println(len(g["a"]), len(g["b"]), g["a"]["c"])
}
