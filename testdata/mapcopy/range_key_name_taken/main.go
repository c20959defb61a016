// Command range_key_name_taken applies a discount; the loop body already
// uses the names k and key, so the new range key needs another one.
package main

import "fmt"

type price struct {
	Cents int
	Note  string
}

func discount(prices map[string]price, k int, key string) {
	for _, p := range prices {
		p.Cents = p.Cents * (100 - k) / 100
		p.Note = key
	}
}

func main() {
	prices := map[string]price{"tea": {Cents: 400}, "cake": {Cents: 250}}
	fmt.Println("before:", prices)
	discount(prices, 10, "sale")
	fmt.Println("after:", prices)
}
