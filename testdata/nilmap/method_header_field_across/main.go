// Command method_header_field_across adds parameters to a field of type
// url.Values through a pointer receiver; one constructor makes the
// storage without the field (VictoriaMetrics' VMStorage.ApplyParams).
package main

import (
	"fmt"
	"net/url"
)

type storage struct {
	base        string
	extraParams url.Values
}

// clone copies the storage, sharing its parameters.
func (s *storage) clone() *storage {
	return &storage{base: s.base, extraParams: s.extraParams}
}

// applyParams adds the query's parameters to the storage's.
func (s *storage) applyParams(params map[string][]string) *storage {
	for k, vl := range params {
		for _, v := range vl {
			s.extraParams.Set(k, v)
		}
	}
	return s
}

// newStorage is for remote reads, which have no parameters of their own.
func newStorage(base string) *storage {
	return &storage{base: base}
}

// initStorage makes the storage with the parameters it is given.
func initStorage(base string, extra url.Values) *storage {
	if extra == nil {
		extra = url.Values{}
	}
	extra.Set("round_digits", "2")
	return &storage{base: base, extraParams: extra}
}

func main() {
	a := initStorage("http://a", nil).clone().applyParams(map[string][]string{"step": {"1m"}})
	fmt.Println(a.base, a.extraParams.Encode())
	b := newStorage("http://b").clone().applyParams(map[string][]string{"step": {"5m"}})
	fmt.Println(b.base, b.extraParams.Encode())
}
