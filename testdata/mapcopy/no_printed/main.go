// Command no_printed formats a changed copy, leaving the map alone.
package main

import "fmt"

type point struct{ X, Y int }

func main() {
	pts := map[string]point{"p": {1, 2}}
	p := pts["p"]
	p.X = -p.X
	fmt.Println("mirrored:", p)
	q := pts["p"]
	q.Y++
	if q.Y > 2 {
		fmt.Println("moved up")
	}
}
