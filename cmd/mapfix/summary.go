package main

import (
	"cmp"
	"fmt"
	"io"
	"maps"
	"slices"
	"time"

	"github.com/mapfix/mapfix/rewrite"
	"github.com/mapfix/mapfix/rules"
)

// printSummary ends every run with what it found and did, per rule, on
// standard error, where it does not mix with output that tools parse.
func printSummary(w io.Writer, res *rewrite.Result, ran []*rules.Rule, wrote bool, elapsed time.Duration) {
	fixed := "fixable"
	if wrote {
		fixed = "fixed"
	}
	type tally struct {
		found, fixed int
		reasons      map[string]int
	}
	per := map[string]*tally{}
	names := []string{}
	for _, r := range ran {
		per[r.Name] = &tally{reasons: map[string]int{}}
		names = append(names, r.Name)
	}
	for _, f := range res.Findings {
		t := per[f.Rule]
		if t == nil {
			t = &tally{reasons: map[string]int{}}
			per[f.Rule] = t
			names = append(names, f.Rule)
		}
		t.found++
		if f.Fixable {
			t.fixed++
		} else {
			t.reasons[f.Reason]++
		}
	}
	for _, name := range names {
		t := per[name]
		fmt.Fprintf(w, "mapfix: %-10s %d found, %d %s, %d left\n", name, t.found, t.fixed, fixed, t.found-t.fixed)
		reasons := slices.SortedFunc(maps.Keys(t.reasons), func(a, b string) int {
			return cmp.Or(cmp.Compare(t.reasons[b], t.reasons[a]), cmp.Compare(a, b))
		})
		for _, r := range reasons {
			fmt.Fprintf(w, "mapfix: %10s %d: %s\n", "", t.reasons[r], r)
		}
	}
	files := plural(len(res.Changes), "file") + " would change"
	if wrote {
		files = plural(len(res.Written), "file") + " changed"
	}
	// Packages that failed to load, counted once whatever their number of
	// errors; the other failures apart, since they are not packages.
	failed := map[string]bool{}
	var args, ruleFails, others int
	for _, e := range res.Errors {
		switch e.Kind {
		case rewrite.PackageError:
			failed[cmp.Or(e.Package, e.Pos, e.Msg)] = true
		case rewrite.ArgError:
			args++
		case rewrite.RuleError:
			ruleFails++
		default:
			others++
		}
	}
	line := fmt.Sprintf("mapfix: %s; %s checked, %d failed to load", files, plural(res.Packages, "package"), len(failed))
	for _, n := range []struct {
		n    int
		what string
	}{{args, "bad argument"}, {ruleFails, "rule failure"}, {others, "other error"}} {
		if n.n > 0 {
			line += ", " + plural(n.n, n.what)
		}
	}
	if res.Cached {
		line += " (the result of an earlier run: nothing changed)"
	}
	fmt.Fprintf(w, "%s; %.1fs\n", line, elapsed.Seconds())
}

// plural returns "1 file", "2 files".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
