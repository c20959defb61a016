package main

import (
	"fmt"
	"sync"
)

// The collector waits for dups, but a sender that waits for nothing feeds
// it: the deletes can run while main still reads metas.
func main() {
	metas := map[string]int{"a": 1, "b": 1, "c": 2, "d": 3, "e": 3}
	dups := make(chan string)
	var collector, sender sync.WaitGroup
	collector.Go(func() {
		for d := range dups {
			delete(metas, d)
		}
	})
	sender.Go(func() {
		for _, k := range []string{"b", "e"} {
			dups <- k
		}
	})
	total := 0
	for range 200 {
		for _, v := range metas {
			total += v
		}
	}
	sender.Wait()
	close(dups)
	collector.Wait()
	fmt.Println(len(metas), total > 0)
}
