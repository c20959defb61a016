// Command no_pointer_values changes map values through pointers: the
// changes reach the map.
package main

import "fmt"

type job struct{ Retries int }

func main() {
	jobs := map[string]*job{"a": {}, "b": {Retries: 1}}
	for _, j := range jobs {
		j.Retries++
	}
	j := jobs["a"]
	j.Retries += 10
	fmt.Println(jobs["a"].Retries, jobs["b"].Retries)
}
