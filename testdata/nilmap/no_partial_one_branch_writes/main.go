// Command no_partial_one_branch_writes makes the map only when a config is
// given, and writes into it only on the branch of an if that tests the
// same config: the other branch does not write, so the if decides whether
// the write runs, and its condition is correlated with the assignment's.
package main

import "fmt"

type config struct{ name string }

func labels(cfg *config) map[string]string {
	var m map[string]string
	if cfg != nil {
		m = map[string]string{}
	}
	if cfg != nil {
		m["name"] = cfg.name
	} else {
		fmt.Println("no config")
	}
	return m
}

func main() {
	fmt.Println(labels(&config{name: "a"}))
	fmt.Println(labels(nil))
}
