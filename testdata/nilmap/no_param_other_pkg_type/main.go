// Command no_param_other_pkg_type writes into a section of a config whose
// type, and the constructor that fills its sections, belong to another
// package (minio's compress.SetCompressionConfig on a config.Config).
package main

import (
	"fmt"

	"github.com/mapfix/mapfix/testdata/nilmap/no_param_other_pkg_type/cfg"
)

func setStorage(c cfg.Config, class string) {
	c["storage"]["class"] = class
}

func main() {
	c := cfg.New()
	setStorage(c, "STANDARD")
	fmt.Println(c["storage"]["class"])
}
