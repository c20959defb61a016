// Command no_channel_range ranges over a channel: the count is unknown.
package main

import "fmt"

func drain(ch <-chan string) map[string]bool {
	m := make(map[string]bool)
	for s := range ch {
		m[s] = true
	}
	return m
}

func main() {
	ch := make(chan string, 3)
	ch <- "a"
	ch <- "b"
	close(ch)
	fmt.Println(len(drain(ch)))
}
