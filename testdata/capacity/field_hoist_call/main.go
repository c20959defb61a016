// Command field_hoist_call fills a field of a struct it reaches through a
// pointer from the result of a call: the call is declared first. If the
// pointer were nil the assignment would panic; strings.Split changes
// nothing, so running it before that panic is not observable.
package main

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
)

type userSet struct {
	Values map[string]struct{}
}

// parse sets us to the comma-separated names in s.
func parse(us *userSet, s string) {
	us.Values = make(map[string]struct{})
	for _, v := range strings.Split(s, ",") {
		us.Values[v] = struct{}{}
	}
}

func main() {
	var b strings.Builder
	for i := range 1000 {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString("u" + strconv.Itoa(i))
	}
	s := b.String()
	var us userSet
	parse(&us, s)
	_, ok := us.Values["u999"]
	fmt.Println(len(us.Values), ok)
	fmt.Printf("allocs: %v\n", testing.AllocsPerRun(100, func() { parse(&us, s) }))
}
