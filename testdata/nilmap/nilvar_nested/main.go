// Command nilvar_nested fills a map of maps declared without a value.
package main

import "fmt"

func main() {
	var byDay map[string]map[string]int
	for _, e := range [][2]string{{"mon", "run"}, {"mon", "swim"}, {"tue", "run"}} {
		byDay[e[0]][e[1]]++
	}
	fmt.Println(len(byDay), len(byDay["mon"]), byDay["tue"]["run"])
}
