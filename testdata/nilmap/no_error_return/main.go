// Command no_error_return hands out a bare struct only with an error: its
// callers do not use it then.
package main

import (
	"errors"
	"fmt"
)

type table struct {
	rows map[int]string
}

func open(ok bool) (table, error) {
	if !ok {
		return table{}, errors.New("cannot open")
	}
	return table{rows: map[int]string{}}, nil
}

func (t *table) put(k int, v string) {
	t.rows[k] = v
}

func main() {
	t, err := open(true)
	if err != nil {
		return
	}
	t.put(1, "a")
	fmt.Println(len(t.rows))
}
