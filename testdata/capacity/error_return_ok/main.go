// Command error_return_ok returns on error before the insert.
package main

import (
	"fmt"
	"strconv"
	"testing"
)

// parse maps each decimal string to its value.
func parse(ss []string) (map[string]int, error) {
	vals := make(map[string]int)
	for _, s := range ss {
		v, err := strconv.Atoi(s)
		if err != nil {
			return nil, err // leaves the function: fine
		}
		vals[s] = v
	}
	return vals, nil
}

func main() {
	ss := make([]string, 1000)
	for i := range ss {
		ss[i] = strconv.Itoa(i * 11)
	}
	vals, err := parse(ss)
	fmt.Println(len(vals), vals["99"], err)
	_, err = parse([]string{"1", "x"})
	fmt.Println(err != nil)
	fmt.Printf("allocs: %v\n", testing.AllocsPerRun(100, func() { parse(ss) }))
}
