package main

import (
	"strings"
	"testing"

	"github.com/mapfix/mapfix/rewrite"
	"github.com/mapfix/mapfix/rules/all"
)

// Packages that fail to load are counted once each; bad arguments and rule
// failures are not packages that failed to load.
func TestSummaryCountsFailuresApart(t *testing.T) {
	res := &rewrite.Result{Packages: 3, Errors: []rewrite.LoadError{
		{Pos: "bad/b.go:4:9", Package: "example.com/m/bad", Msg: "cannot use"},
		{Pos: "bad/b.go:5:9", Package: "example.com/m/bad", Msg: "undefined: x"},
		{Pos: "worse/w.go:1:1", Package: "example.com/m/worse", Msg: "expected 'package'"},
		{Pos: "README.md", Msg: "not a Go file", Kind: rewrite.ArgError},
		{Msg: "no packages match ./nosuch/...", Kind: rewrite.ArgError},
		{Package: "example.com/m/p", Msg: "internal error: rule capacity failed", Kind: rewrite.RuleError},
	}}
	var b strings.Builder
	printSummary(&b, res, all.Rules(), false, 0)
	if want := "mapfix: 0 files would change; 3 packages checked, 2 failed to load, 2 bad arguments, 1 rule failure; 0.0s\n"; !strings.HasSuffix(b.String(), want) {
		t.Errorf("summary:\n%s\nwant it to end with\n%s", b.String(), want)
	}
}

func TestSummaryBadArgumentsEndToEnd(t *testing.T) {
	dir := module(t, map[string]string{"q/q.go": cleanSrc, "README.md": "# hi\n"})
	r := mapfix(t, dir, "./q", "./nosuchdir/...", "README.md")
	if r.code != 2 || !strings.Contains(r.stderr, "1 package checked, 0 failed to load, 2 bad arguments; ") {
		t.Errorf("exit %d, stderr:\n%s", r.code, r.stderr)
	}
}
