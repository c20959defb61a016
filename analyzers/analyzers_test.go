package analyzers_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/mapfix/mapfix/analyzers"
	"github.com/mapfix/mapfix/analyzers/capacity"
	"github.com/mapfix/mapfix/analyzers/growth"
	"github.com/mapfix/mapfix/analyzers/mapcopy"
	"github.com/mapfix/mapfix/analyzers/nilmap"
	"github.com/mapfix/mapfix/analyzers/sharedmap"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// Each case in testdata/src/<rule>_<case> is a copy of the golden case
// testdata/<rule>/<case> of the repository, with a // want comment on the
// line of each of its golden findings; main.go.golden is what mapfix -w
// writes for it. The Analyzer must report exactly those findings, and its
// suggested fixes must produce exactly that file. Cases named no_ have no
// finding, and nofix_ cases have findings without fixes (no golden file).
// A case that is not such a copy (capacity_silenced) says in its doc
// comment what it tests.
func TestAnalyzers(t *testing.T) {
	dir := analysistest.TestData()
	cases, _ := filepath.Glob(filepath.Join(dir, "src", "*"))
	seen := map[string]int{}
	for _, c := range cases {
		name := filepath.Base(c)
		rule, _, _ := strings.Cut(name, "_")
		a := byName(rule)
		if a == nil {
			t.Fatalf("%s: no analyzer %s", name, rule)
		}
		seen[rule]++
		t.Run(name, func(t *testing.T) {
			results := analysistest.RunWithSuggestedFixes(t, dir, a, name)
			for _, r := range results {
				for _, d := range r.Diagnostics {
					if d.Category != rule || d.URL != analyzers.DocURL+rule {
						t.Errorf("%s: category %q, URL %q", r.Pass.Fset.Position(d.Pos), d.Category, d.URL)
					}
					fixed := len(d.SuggestedFixes) == 1
					if fixed == strings.Contains(d.Message, "(not fixed: ") {
						t.Errorf("%s: %d fixes, message %q: a finding has one fix or says why it has none", r.Pass.Fset.Position(d.Pos), len(d.SuggestedFixes), d.Message)
					}
				}
			}
		})
	}
	for _, a := range analyzers.All() {
		if seen[a.Name] < 3 {
			t.Errorf("analyzer %s has %d cases, want at least 3", a.Name, seen[a.Name])
		}
	}
}

func byName(name string) *analysis.Analyzer {
	for _, a := range analyzers.All() {
		if a.Name == name {
			return a
		}
	}
	return nil
}

// TestValid: the framework's own checks of the Analyzers (names, docs,
// requirements) pass, and every rule has one.
func TestValid(t *testing.T) {
	if err := analysis.Validate(analyzers.All()); err != nil {
		t.Fatal(err)
	}
	if got := len(analyzers.All()); got != 5 {
		t.Errorf("%d analyzers, want 5", got)
	}
}

// TestOnePerPackage: the packages that nogo takes (one exported Analyzer
// each) hold the same Analyzers as All.
func TestOnePerPackage(t *testing.T) {
	got := []*analysis.Analyzer{capacity.Analyzer, nilmap.Analyzer, sharedmap.Analyzer, mapcopy.Analyzer, growth.Analyzer}
	want := analyzers.All()
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("package %s exports analyzer %s", want[i].Name, got[i].Name)
		}
	}
}
