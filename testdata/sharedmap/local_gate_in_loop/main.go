package main

import (
	"fmt"
	"sync"
)

// The collector waits for keys, but main reads m in the same loop that
// sends them: from the second turn on, the read runs after a send.
func main() {
	m := map[string]int{}
	for i := range 1000 {
		m[fmt.Sprint(i)] = i
	}
	ch := make(chan string)
	var wg sync.WaitGroup
	wg.Go(func() {
		for k := range ch {
			delete(m, k)
		}
	})
	for i := range 1000 {
		k := fmt.Sprint(i)
		v := m[k]
		if v%2 == 0 {
			ch <- k
		}
	}
	close(ch)
	wg.Wait()
	fmt.Println(len(m))
}
