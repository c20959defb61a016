package main

import (
	"fmt"
	"sync"
)

var registry = map[int]string{}

func register(id int, name string) {
	registry[id] = name
}

func load(base int) {
	for i := range 500 {
		register(base+i, "x")
	}
}

func loader(base int, wg *sync.WaitGroup) {
	defer wg.Done()
	load(base)
}

func main() {
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go loader(g*1000, &wg)
	}
	wg.Wait()
	fmt.Println(len(registry))
}
