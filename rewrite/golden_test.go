package rewrite

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mapfix/mapfix/rules"
	"github.com/mapfix/mapfix/rules/all"
)

var update = flag.Bool("update", false, "rewrite the golden files from the current output")

// TestGolden runs each rule on its cases, testdata/<rule>/<case>/, and
// compares the findings and the diff with golden/<rule>/<case>.findings and
// .diff. A case whose name starts with no_ must not be touched: it must have
// no finding at all, whatever its golden file says. A case whose name
// starts with nofix_ must be reported without a fix: at least one finding,
// none fixable. Every case of a report-only rule (reportOnly) that is not
// a no_ case is held to what a nofix_ case is.
func TestGolden(t *testing.T) {
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	for _, rule := range all.Rules() {
		cases, _ := filepath.Glob(filepath.Join(root, "testdata", rule.Name, "*"))
		if len(cases) == 0 {
			t.Errorf("rule %s has no golden cases", rule.Name)
		}
		for _, dir := range cases {
			name := filepath.Base(dir)
			t.Run(rule.Name+"/"+name, func(t *testing.T) {
				t.Parallel()
				res, err := Run(Options{Dir: root, Args: []string{"./testdata/" + rule.Name + "/" + name}, Rules: []*rules.Rule{rule}, Tests: true, Jobs: 1})
				if err != nil {
					t.Fatal(err)
				}
				if len(res.Errors) > 0 {
					t.Fatalf("load errors: %v", res.Errors)
				}
				mustNotTouch := strings.HasPrefix(name, "no_")
				noFix := strings.HasPrefix(name, "nofix_") || reportOnly[rule.Name] && !mustNotTouch
				fixable := len(res.Findings) - res.Unfixed()
				switch {
				case mustNotTouch && len(res.Findings) > 0:
					t.Errorf("must-not-touch case has findings:\n%s", formatFindings(res))
				case noFix && (len(res.Findings) == 0 || fixable > 0):
					t.Errorf("no-fix case must have findings, none fixable:\n%s", formatFindings(res))
				case !mustNotTouch && !noFix && fixable == 0:
					t.Errorf("fix case has no fixable finding:\n%s", formatFindings(res))
				}
				var diff bytes.Buffer
				for _, c := range res.Changes {
					diff.Write(c.Diff)
				}
				compareGolden(t, filepath.Join(root, "golden", rule.Name, name+".findings"), []byte(formatFindings(res)))
				compareGolden(t, filepath.Join(root, "golden", rule.Name, name+".diff"), diff.Bytes())
			})
		}
	}
}

// reportOnly names the rules that never fix, by design: they report what
// needs a decision a tool cannot make (growth: a bound or an eviction
// policy). Their cases are named for what they show, not nofix_, and must
// be reported without a fix.
var reportOnly = map[string]bool{"growth": true}

func formatFindings(res *Result) string {
	var b strings.Builder
	for _, f := range res.Findings {
		fmt.Fprintf(&b, "%s:%d:%d: %s: %s", filepath.ToSlash(f.Pos.Filename), f.Pos.Line, f.Pos.Column, f.Rule, f.Message)
		if !f.Fixable {
			fmt.Fprintf(&b, " (not fixed: %s)", f.Reason)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func compareGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./rewrite -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output:\n--- want\n%s\n--- got\n%s", path, want, got)
	}
}
