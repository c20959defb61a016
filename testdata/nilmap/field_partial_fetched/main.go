// Command field_partial_fetched merges cascade configs: a config that a
// second one targets again gets the second one's params. decode makes
// Params only when the input has params, and the merge writes into the
// Params of a config it gets back from an ordered map, which panics when
// the first config of that target had none (hugo's cascade merge, fixed
// in 6f42cfbc9b by always making Params). As there, decode makes Params
// lazily and fills it in one case of a switch, returns the config with
// what its own check says, and the merge runs in a closure.
package main

import (
	"fmt"

	"github.com/mapfix/mapfix/testdata/nilmap/field_partial_fetched/ordered"
)

// Config is one cascade entry.
type Config struct {
	Target string
	Params map[string]any
	Fields map[string]any
}

func decode(m map[string]any) (Config, error) {
	var c Config
	c.Fields = make(map[string]any)
	for k, v := range m {
		switch k {
		case "target":
			c.Target = v.(string)
		case "params":
			if c.Params == nil {
				c.Params = make(map[string]any)
			}
			for pk, pv := range v.(map[string]any) {
				c.Params[pk] = pv
			}
		default:
			c.Fields[k] = v
		}
	}
	return c, c.check()
}

func (c *Config) check() error {
	if c.Target == "" {
		return fmt.Errorf("config without a target: %v", c.Fields)
	}
	return nil
}

func merge(in []map[string]any) (*ordered.Map[string, *Config], error) {
	build := func() (*ordered.Map[string, *Config], error) {
		cascade := ordered.New[string, *Config]()
		for _, m := range in {
			cfg, err := decode(m)
			if err != nil {
				return nil, err
			}
			c, found := cascade.Get(cfg.Target)
			if !found {
				cascade.Set(cfg.Target, &cfg)
				continue
			}
			for k, v := range cfg.Params {
				if _, ok := c.Params[k]; !ok {
					c.Params[k] = v
				}
			}
		}
		return cascade, nil
	}
	return build()
}

func main() {
	cascade, err := merge([]map[string]any{
		{"target": "/blog/**", "layout": "post"},
		{"target": "/blog/**", "params": map[string]any{"toc": true}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, t := range cascade.Keys() {
		c, _ := cascade.Get(t)
		fmt.Println(t, c.Params, c.Fields)
	}
}
