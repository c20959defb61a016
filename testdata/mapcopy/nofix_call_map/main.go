// Command nofix_call_map ranges over a map that a call returns.
package main

import "fmt"

type flag struct{ On bool }

var flags = map[string]flag{"a": {}}

func load() map[string]flag { return flags }

func main() {
	for _, f := range load() {
		f.On = true
	}
	fmt.Println(flags)
}
