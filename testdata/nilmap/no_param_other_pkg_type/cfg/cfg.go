// Package cfg declares a config whose constructor makes every section.
package cfg

type Config map[string]map[string]string

func New() Config {
	return Config{"region": {}, "storage": {}}
}
