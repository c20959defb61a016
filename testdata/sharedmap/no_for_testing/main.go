package main

import (
	"fmt"
	"sync"
)

// CloseForTesting is for tests, which call it once the connections are no
// longer in use (grpc-go's ALTS handshaker service); go test -race judges
// what tests do.
var (
	mu    sync.Mutex
	conns = map[string]int{}
)

func Dial(addr string) int {
	mu.Lock()
	defer mu.Unlock()
	c, ok := conns[addr]
	if !ok {
		c = len(conns) + 1
		conns[addr] = c
	}
	return c
}

func Count() int {
	mu.Lock()
	defer mu.Unlock()
	return len(conns)
}

// CloseForTesting closes all open connections.
func CloseForTesting() {
	for addr := range conns {
		delete(conns, addr)
	}
}

func main() {
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() { Dial(fmt.Sprint("host", g%2)) })
	}
	wg.Wait()
	fmt.Println(Count())
	CloseForTesting()
	fmt.Println(Count())
}
