package main

import "testing"

// TestMapcopyOracle: each mapcopy case with a fix is a program that prints
// the map before and after it changes copies of its values. Before the fix
// the change is lost (the output differs from what the case's want.txt
// says); after it, the program prints want.txt, the change visible in the
// map; mapfix then finds nothing more to fix. (nofix_ cases have nothing
// to fix and are left out.)
func TestMapcopyOracle(t *testing.T) {
	names := fixCases(t, "mapcopy")
	o := newOracle(t, "mapcopy", names, names)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			want := wantOutput(t, "mapcopy", name)
			before, err := o.run(name, false)
			if err != nil {
				t.Fatalf("before the fix: %v\n%s", err, before)
			}
			if before == want {
				t.Fatalf("before the fix, the program already prints want.txt: the change is not lost\n%s", before)
			}
			after, err := o.run(name, true)
			if err != nil {
				t.Fatalf("after the fix: %v\n%s", err, after)
			}
			if after != want {
				t.Errorf("after the fix, output:\n%s\nwant:\n%s\n(before the fix:\n%s)", after, want, before)
			}
		})
	}
}
