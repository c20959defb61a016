// Command partial_switch_no_default picks a map in a switch without a
// default, then writes into it: an unknown kind writes into nil.
package main

import "fmt"

func labels(kind, id string) map[string]string {
	var l map[string]string
	switch kind {
	case "pod":
		l = map[string]string{"kind": "pod"}
	case "node":
		l = map[string]string{"kind": "node", "role": "worker"}
	}
	l["id"] = id
	return l
}

func main() {
	fmt.Println(labels("pod", "p1"))
	fmt.Println(labels("job", "j1"))
}
