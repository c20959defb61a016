package main

import "fmt"

// wordCount counts words: keys repeat by design, so len(words) says little
// about the map's size.
func wordCount(words []string) map[string]int {
	counts := make(map[string]int)
	for _, w := range words {
		counts[w]++
	}
	return counts
}

// byLen groups words by length.
func byLen(words []string) map[int][]string {
	groups := map[int][]string{}
	for _, w := range words {
		groups[len(w)] = append(groups[len(w)], w)
	}
	return groups
}

// total sums values per key.
func total(keys []string, vals []int) map[string]int {
	sums := make(map[string]int)
	for i, k := range keys {
		sums[k] += vals[i]
	}
	return sums
}

func main() {
	words := []string{"a", "bb", "a", "cc"}
	fmt.Println(len(wordCount(words)), len(byLen(words)), len(total(words, []int{1, 2, 3, 4})))
}
