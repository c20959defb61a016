// Command nofix_compared_with_nil checks a field for nil before it fills
// it, in another branch.
package main

import "fmt"

type opts struct {
	name  string
	attrs map[string]string
}

func build(name string, attrs bool) opts {
	o := opts{name: name}
	if attrs {
		o.attrs["set"] = "yes"
	}
	if o.attrs == nil {
		fmt.Println("no attributes")
	}
	return o
}

func main() {
	fmt.Println(build("a", true).name)
}
