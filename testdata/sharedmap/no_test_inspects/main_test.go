package main

import "testing"

// validate looks at the pool's internals once the test's work is done.
func validate(t *testing.T, p *pool) {
	for i, s := range p.txs {
		if s == "" {
			t.Errorf("tx %d is empty", i)
		}
	}
}

func TestPool(t *testing.T) {
	p := &pool{txs: map[int]string{}}
	p.add(1, "a")
	p.drop(2)
	validate(t, p)
}
