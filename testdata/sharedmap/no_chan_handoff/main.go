package main

import "fmt"

func main() {
	ch := make(chan map[int]int)
	go func() {
		m := map[int]int{}
		for i := range 100 {
			m[i] = i
		}
		ch <- m
	}()
	got := <-ch
	got[-1] = 0
	fmt.Println(len(got))
}
