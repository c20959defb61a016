// Command no_deferred_closure reads the changed copy in a deferred call.
package main

import "fmt"

type job struct{ Done bool }

func run(jobs map[string]job, name string) {
	j := jobs[name]
	defer func() { fmt.Println(name, j.Done) }()
	j.Done = true
}

func main() {
	run(map[string]job{"a": {}}, "a")
}
