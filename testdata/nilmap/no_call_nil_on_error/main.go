// Command no_call_nil_on_error gets a nil map only with an error, which
// the caller checks first.
package main

import (
	"errors"
	"fmt"
)

func labels(s string) (map[string]string, error) {
	var m map[string]string
	if s == "" {
		return m, errors.New("empty")
	}
	m = map[string]string{"name": s}
	return m, nil
}

func main() {
	for _, s := range []string{"a", ""} {
		m, err := labels(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		m["seen"] = "yes"
		fmt.Println(m)
	}
}
