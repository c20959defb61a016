// Command partial_same_block loads defaults only when a file is named,
// then sets an override on every path.
package main

import "fmt"

func load(name string) map[string]string {
	return map[string]string{"from": name}
}

func settings(file, mode string) map[string]string {
	var s map[string]string
	if file != "" {
		s = load(file)
	}
	s["mode"] = mode
	return s
}

func main() {
	fmt.Println(settings("a.conf", "fast"))
	fmt.Println(settings("", "slow"))
}
