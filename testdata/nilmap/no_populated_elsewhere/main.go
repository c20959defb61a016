// Command no_populated_elsewhere adds edges only between nodes that
// AddNode has made: the package keeps that invariant itself.
package main

import (
	"errors"
	"fmt"
)

type graph struct {
	nodes map[string]bool
	edges map[string]map[string]bool
}

func newGraph() *graph {
	return &graph{nodes: map[string]bool{}, edges: map[string]map[string]bool{}}
}

func (g *graph) AddNode(n string) {
	g.nodes[n] = true
	g.edges[n] = map[string]bool{}
}

func (g *graph) AddEdge(from, to string) error {
	if !g.nodes[from] {
		return errors.New("no such node")
	}
	g.edges[from][to] = true
	return nil
}

func main() {
	g := newGraph()
	g.AddNode("a")
	fmt.Println(g.AddEdge("a", "b"), g.AddEdge("x", "y"))
}
