// Package analyzers offers mapfix's rules as go/analysis Analyzers, for the
// drivers built on that framework: go vet -vettool and go fix -fixtool
// (through the mapfix command), golangci-lint (through the module plugin in
// package golangci), Bazel's nogo, gopls, and multicheckers of your own.
//
// Each Analyzer reports every finding of its rule as a Diagnostic whose
// Category is the rule's name and whose URL is the rule's section of
// mapfix's README. A finding that has a safe fix carries one SuggestedFix:
// the edits that turn the file into the file `mapfix -w` writes for that
// finding alone (the same fix, changing only the lines it touches, comments
// kept), offered only when the package still type-checks with it. A
// finding without a fix says why in its message, as the mapfix command
// prints it. //mapfix:ignore and //nolint:mapfix directives silence
// findings here as they do in the command; the command alone reports
// directives that are malformed or silence nothing, since an Analyzer sees
// one rule.
//
// The packages below this one (analyzers/capacity, analyzers/nilmap,
// analyzers/sharedmap) export each Analyzer alone as Analyzer, for drivers
// that take one Analyzer per package, as Bazel's nogo does.
package analyzers

import (
	"go/token"

	"github.com/mapfix/mapfix/rewrite"
	"github.com/mapfix/mapfix/rules"
	"github.com/mapfix/mapfix/rules/all"
	"github.com/mapfix/mapfix/rules/capacity"
	"github.com/mapfix/mapfix/rules/growth"
	"github.com/mapfix/mapfix/rules/mapcopy"
	"github.com/mapfix/mapfix/rules/nilmap"
	"github.com/mapfix/mapfix/rules/sharedmap"
	"golang.org/x/tools/go/analysis"
)

// The Analyzers of mapfix's rules, named as the rules are.
var (
	Capacity  = New(capacity.Rule)
	Nilmap    = New(nilmap.Rule)
	Sharedmap = New(sharedmap.Rule)
	Mapcopy   = New(mapcopy.Rule)
	Growth    = New(growth.Rule)
)

// All returns an Analyzer for every rule of mapfix, in the order the mapfix
// command runs them.
func All() []*analysis.Analyzer {
	var out []*analysis.Analyzer
	for _, r := range all.Rules() {
		out = append(out, byRule[r])
	}
	return out
}

var byRule = map[*rules.Rule]*analysis.Analyzer{
	capacity.Rule:  Capacity,
	nilmap.Rule:    Nilmap,
	sharedmap.Rule: Sharedmap,
	mapcopy.Rule:   Mapcopy,
	growth.Rule:    Growth,
}

// DocURL is where the README documents each rule, in a section named after
// it.
const DocURL = "https://github.com/mapfix/mapfix#"

// New returns an Analyzer that runs rule.
func New(rule *rules.Rule) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name: rule.Name,
		Doc:  rule.Doc + "\n\n" + rule.Help,
		URL:  DocURL + rule.Name,
		Run:  func(pass *analysis.Pass) (any, error) { return nil, run(rule, pass) },
	}
}

func run(rule *rules.Rule, pass *analysis.Pass) error {
	unit := &rewrite.Unit{
		Fset:     pass.Fset,
		Files:    pass.Files,
		Pkg:      pass.Pkg,
		Info:     pass.TypesInfo,
		Sizes:    pass.TypesSizes,
		ReadFile: pass.ReadFile,
	}
	found, err := rewrite.CheckUnit(unit, rule)
	if err != nil {
		return err
	}
	for _, f := range found {
		d := analysis.Diagnostic{
			Pos:      f.Pos,
			End:      f.End,
			Category: rule.Name,
			URL:      DocURL + rule.Name,
			Message:  f.Message,
		}
		if f.New == nil {
			d.Message += " (not fixed: " + f.Reason + ")"
		} else {
			d.SuggestedFixes = []analysis.SuggestedFix{{
				Message:   "mapfix's " + rule.Name + " fix",
				TextEdits: textEdits(pass.Fset.File(f.Pos), f.Old, f.New),
			}}
		}
		pass.Report(d)
	}
	return nil
}

// textEdits returns the edits that turn old, the content of tf, into new.
func textEdits(tf *token.File, old, new []byte) []analysis.TextEdit {
	var edits []analysis.TextEdit
	for _, e := range rewrite.ByteEdits(old, new) {
		edits = append(edits, analysis.TextEdit{Pos: tf.Pos(e.Start), End: tf.Pos(e.End), NewText: []byte(e.New)})
	}
	return edits
}
