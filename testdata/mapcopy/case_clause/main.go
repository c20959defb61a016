// Command case_clause applies commands to a stock of items.
package main

import "fmt"

type item struct{ Count int }

func apply(stock map[string]item, cmd, name string) {
	switch cmd {
	case "add":
		it := stock[name]
		it.Count++
	case "drop":
		delete(stock, name)
	}
}

func main() {
	stock := map[string]item{"pen": {1}}
	fmt.Println("before:", stock)
	apply(stock, "add", "pen")
	apply(stock, "add", "ink")
	fmt.Println("after:", stock)
}
