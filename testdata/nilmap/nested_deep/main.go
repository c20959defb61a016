// Command nested_deep fills a map three levels deep.
package main

import "fmt"

func main() {
	sales := map[string]map[int]map[string]float64{}
	type sale struct {
		region string
		year   int
		item   string
		amount float64
	}
	for _, s := range []sale{{"eu", 2024, "tea", 2.5}, {"eu", 2024, "tea", 1}, {"us", 2025, "cake", 4}} {
		sales[s.region][s.year][s.item] += s.amount
	}
	fmt.Println(sales["eu"][2024]["tea"], sales["us"][2025]["cake"])
}
