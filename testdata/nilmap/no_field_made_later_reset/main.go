package main

import "fmt"

type config struct {
	limits map[string]int
}

// apply writes into cfg.limits, which the caller made, and on the same
// path may replace it afterwards: the write reaches the make, which
// resets the map; the function does not say that it arrives unmade.
func apply(cfg *config, key string, n int, reset bool) {
	cfg.limits[key] = n
	if reset {
		cfg.limits = map[string]int{key: n}
	}
}

func main() {
	cfg := &config{limits: map[string]int{"a": 1}}
	apply(cfg, "b", 2, false)
	apply(cfg, "c", 3, true)
	fmt.Println(len(cfg.limits), cfg.limits["c"])
}
