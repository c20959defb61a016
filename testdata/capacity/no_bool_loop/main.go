package main

import "fmt"

// drain is a loop with a three-clause header that counts nothing: its
// variable is a bool.
func drain(queue []string) map[string]bool {
	seen := make(map[string]bool)
	for empty := false; !empty; {
		seen[queue[0]] = true
		queue = queue[1:]
		empty = len(queue) == 0
	}
	return seen
}

func main() {
	fmt.Println(len(drain([]string{"a", "b", "a"})))
}
