package main

import (
	"fmt"
	"sync"
)

type index struct {
	sync.Mutex
	ids map[string]int
}

func (x *index) add(k string, v int) {
	x.Lock()
	x.ids[k] = v
	x.Unlock()
}

func (x *index) lookup(k string) int {
	x.Lock()
	defer x.Unlock()
	return x.ids[k]
}

func (x *index) reset(k string) {
	x.ids[k] = 0
}

func main() {
	x := &index{ids: map[string]int{}}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 1000 {
				x.add(fmt.Sprint(g, i), i)
				x.reset(fmt.Sprint(g, i))
			}
		}()
	}
	wg.Wait()
	fmt.Println(x.lookup("1 999"))
}
