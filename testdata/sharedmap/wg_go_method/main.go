package main

import (
	"fmt"
	"sync"
)

type index struct {
	byKey map[int]int
}

func (x *index) fillEven() {
	for i := 0; i < 2000; i += 2 {
		x.byKey[i] = i
	}
}

func (x *index) fillOdd() {
	for i := 1; i < 2000; i += 2 {
		x.byKey[i] = i
	}
}

func main() {
	x := &index{byKey: map[int]int{}}
	var wg sync.WaitGroup
	wg.Go(x.fillEven)
	wg.Go(x.fillOdd)
	wg.Wait()
	fmt.Println(len(x.byKey))
}
