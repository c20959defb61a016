package main

import "fmt"

// squares has 8 entries: a map holds 8 from its first insert on, so a hint
// would change nothing.
func squares() map[int]int {
	sq := make(map[int]int)
	for i := range 8 {
		sq[i] = i * i
	}
	return sq
}

func main() {
	fmt.Println(len(squares()))
}
