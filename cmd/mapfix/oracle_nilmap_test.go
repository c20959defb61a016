package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const nilMapPanic = "assignment to entry in nil map"

// TestNilmapOracle: each nilmap case with a fix is a program that panics
// with "assignment to entry in nil map" before the fix and, after it, runs
// to the end and prints what the case's want.txt says; mapfix then finds
// nothing more to fix. (nofix_ cases have nothing to fix and are left out.)
func TestNilmapOracle(t *testing.T) {
	for _, name := range fixCases(t, "nilmap") {
		if strings.HasPrefix(name, "nofix_") {
			continue
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			want, err := os.ReadFile(filepath.Join("..", "..", "testdata", "nilmap", name, "want.txt"))
			if err != nil {
				t.Fatal(err)
			}
			dir := caseModule(t, "nilmap", name)
			before, err := goRun(t, dir)
			if err == nil || !strings.Contains(before, "panic: "+nilMapPanic) {
				t.Fatalf("before the fix: want a panic with %q, got err %v and output:\n%s", nilMapPanic, err, before)
			}
			if r := mapfix(t, dir, "-rules", "nilmap", "-w"); r.code != 0 {
				t.Fatalf("mapfix -w: exit %d\n%s%s", r.code, r.stdout, r.stderr)
			}
			after, err := goRun(t, dir)
			if err != nil {
				t.Fatalf("after the fix: %v\n%s", err, after)
			}
			if after != string(want) {
				t.Errorf("after the fix, output:\n%s\nwant:\n%s", after, want)
			}
			if r := mapfix(t, dir, "-rules", "nilmap"); r.code != 0 {
				t.Errorf("second run: exit %d\n%s", r.code, r.stdout)
			}
		})
	}
}
