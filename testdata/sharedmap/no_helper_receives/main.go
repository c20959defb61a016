package main

import "fmt"

var seen = map[int]bool{}

// recv waits for the producer's next value.
func recv(ch chan int) (int, bool) {
	v, ok := <-ch
	return v, ok
}

func main() {
	req := make(chan int)
	ack := make(chan bool)
	go func() {
		for i := range 5 {
			seen[i] = true
			req <- i
			<-ack
		}
		close(req)
	}()
	for {
		v, ok := recv(req)
		if !ok {
			break
		}
		// The producer waits for the ack: nothing else touches seen now.
		seen[v+100] = true
		ack <- true
	}
	fmt.Println(len(seen))
}
