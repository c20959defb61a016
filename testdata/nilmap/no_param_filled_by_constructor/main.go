// Command no_param_filled_by_constructor migrates settings into a config
// that New made with every section (minio's config.SetRegion): the inner
// maps come from the caller, and the package's constructor fills them.
package main

import "fmt"

type Config map[string]map[string]string

var sections = []string{"region", "storage"}

func New() Config {
	c := make(Config)
	for _, s := range sections {
		c[s] = map[string]string{}
	}
	return c
}

// SetRegion copies a setting of the old format into c.
func SetRegion(c Config, name string) {
	c["region"]["name"] = name
}

func main() {
	c := New()
	SetRegion(c, "eu-west")
	fmt.Println(c["region"]["name"])
}
