package main

import (
	"strings"
	"testing"
)

const nilMapPanic = "assignment to entry in nil map"

// TestNilmapOracle: each nilmap case with a fix is a program that panics
// with "assignment to entry in nil map" before the fix and, after it, runs
// to the end and prints what the case's want.txt says; mapfix then finds
// nothing more to fix. (nofix_ cases have nothing to fix and are left out.)
func TestNilmapOracle(t *testing.T) {
	names := fixCases(t, "nilmap")
	o := newOracle(t, "nilmap", names, names)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			want := wantOutput(t, "nilmap", name)
			before, err := o.run(name, false)
			if err == nil || !strings.Contains(before, "panic: "+nilMapPanic) {
				t.Fatalf("before the fix: want a panic with %q, got err %v and output:\n%s", nilMapPanic, err, before)
			}
			after, err := o.run(name, true)
			if err != nil {
				t.Fatalf("after the fix: %v\n%s", err, after)
			}
			if after != want {
				t.Errorf("after the fix, output:\n%s\nwant:\n%s", after, want)
			}
		})
	}
}
