// Command nilvar_lone counts words in a map declared without a value.
package main

import (
	"fmt"
	"strings"
)

func main() {
	// counts holds how often each word appears.
	var counts map[string]int // filled below
	for _, w := range strings.Fields("to be or not to be") {
		counts[w]++
	}
	fmt.Println(counts["to"], counts["be"], counts["or"], len(counts))
}
