package main

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func raced(out string) bool {
	return strings.Contains(out, "DATA RACE") || strings.Contains(out, "concurrent map")
}

// TestSharedmapOracle: each sharedmap case with a fix is a program that the
// race detector flags before the fix and that, after it, runs clean under
// -race and prints what the case's want.txt says; mapfix then finds nothing
// more to fix. Each no_ case runs clean under -race as it is.
func TestSharedmapOracle(t *testing.T) {
	if testing.Short() {
		t.Skip("-race builds are slow")
	}
	fixed := fixCases(t, "sharedmap")
	built := slices.Clone(fixed)
	dirs, _ := filepath.Glob(filepath.Join(caseDir("sharedmap"), "no_*"))
	for _, d := range dirs {
		built = append(built, filepath.Base(d))
	}
	o := newOracle(t, "sharedmap", built, fixed, "-race")
	for _, name := range built {
		t.Run(name, func(t *testing.T) {
			t.Parallel() // a race-free run can wait on timers
			before, err := o.run(name, false)
			if strings.HasPrefix(name, "no_") {
				if err != nil || raced(before) {
					t.Fatalf("must-not-touch case is not race-free: %v\n%s", err, before)
				}
				return
			}
			want := wantOutput(t, "sharedmap", name)
			// The race detector sees a race only when the accesses happen
			// with nothing ordering them, which a mutex taken nearby can
			// do by chance on a loaded machine: a few runs are allowed.
			for try := 1; try < 4 && (err == nil || !raced(before)); try++ {
				before, err = o.run(name, false)
			}
			if err == nil || !raced(before) {
				t.Fatalf("before the fix: want a race report in 4 runs, got err %v and output:\n%s", err, before)
			}
			after, err := o.run(name, true)
			if err != nil || raced(after) {
				t.Fatalf("after the fix: %v\n%s", err, after)
			}
			if after != want {
				t.Errorf("after the fix, output:\n%s\nwant:\n%s", after, want)
			}
		})
	}
}
