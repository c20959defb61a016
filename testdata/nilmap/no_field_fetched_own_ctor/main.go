// Command no_field_fetched_own_ctor writes into the Params of a config
// that a function of its own package returns. parse makes a Config with
// Params only when the input has params, but lookup, the function that
// hands out the config written into, always makes them: a call of the
// package is not a value of unknown making, as one fetched from another
// package's container is.
package main

import "fmt"

// Config is one cascade entry.
type Config struct {
	Target string
	Params map[string]any
}

var parsed []Config

func parse(target string, params map[string]any) {
	c := Config{Target: target}
	if len(params) > 0 {
		c.Params = params
	}
	parsed = append(parsed, c)
}

func lookup(target string) *Config {
	for i := range parsed {
		if parsed[i].Target == target && parsed[i].Params != nil {
			return &parsed[i]
		}
	}
	c := &Config{Target: target, Params: map[string]any{}}
	parsed = append(parsed, *c)
	return c
}

func main() {
	parse("/blog/**", nil)
	c := lookup("/blog/**")
	c.Params["toc"] = true
	fmt.Println(c.Target, c.Params, len(parsed))
}
