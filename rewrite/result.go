// Package rewrite runs mapfix's rules over Go packages and turns their fixes
// into edited source: it loads packages, runs the rules on go/ast + go/types,
// decorates with dst only the files that have a fix, applies the fixes,
// restores the files, checks that the package still type-checks, diffs the
// result against the original bytes, and reports or writes it.
//
// It knows nothing of what a rule means: rules hand it findings and fixes.
package rewrite

import (
	"cmp"
	"go/token"
	"slices"
)

// A Finding is one report, with positions resolved, as the engine hands it
// to its caller. It holds no syntax tree, so results stay small.
type Finding struct {
	Rule    string
	Pos     token.Position // Filename is as the user should see it
	End     token.Position
	Message string
	// Fixable says the rule offered a fix and the engine could apply it.
	Fixable bool
	// Reason says why there is no fix (the rule's or the engine's words),
	// when Fixable is false.
	Reason string
	// Edits and Diff are this finding's fix alone, set for a fixable
	// finding when Options.FindingEdits asks for them: what a review bot
	// posts as a suggestion.
	Edits []Edit
	Diff  []byte
}

// An Edit replaces whole lines of the original file: lines [Start, End)
// (1-based; Start == End inserts before line Start) become New.
type Edit struct {
	Start, End int
	Old, New   string
}

// A FileChange is a file that the fixes would change.
type FileChange struct {
	Path string // as the user should see it
	Abs  string // absolute, for writing
	Old  []byte
	New  []byte
	Diff []byte // unified, with a/ b/ headers on Path
}

// A LoadError is a package that could not be loaded or type-checked,
// located at the file and line the go tool or the type checker named, or,
// as its Kind says, another failure of the run.
type LoadError struct {
	Pos     string // "file:line:col" or "" when there is none
	Package string
	Msg     string
	Kind    ErrorKind
}

// An ErrorKind says what failed.
type ErrorKind int

const (
	PackageError ErrorKind = iota // a package does not load or type-check
	ArgError                      // an argument names nothing to check
	RuleError                     // a rule failed (panicked) on a package
	RunError                      // a later round of -w could not run
)

func (e LoadError) Error() string {
	if e.Pos != "" {
		return e.Pos + ": " + e.Msg
	}
	if e.Package != "" {
		return e.Package + ": " + e.Msg
	}
	return e.Msg
}

// A Result is what a run found and did.
type Result struct {
	Findings []Finding
	Changes  []FileChange
	Errors   []LoadError
	// Warnings are worth telling but do not fail the run.
	Warnings []string
	// Written lists the files a run with Write set has written.
	Written []string
	// Packages is the number of packages the rules ran on.
	Packages int
	// Cached says the result is that of an earlier run with the same
	// inputs, from the result cache.
	Cached bool
}

func (r *Result) sort() {
	slices.SortFunc(r.Findings, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(a.Pos.Filename, b.Pos.Filename),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Column, b.Pos.Column),
			cmp.Compare(a.Rule, b.Rule),
			cmp.Compare(a.Message, b.Message),
		)
	})
	slices.SortFunc(r.Changes, func(a, b FileChange) int { return cmp.Compare(a.Path, b.Path) })
	slices.SortFunc(r.Errors, func(a, b LoadError) int {
		return cmp.Or(cmp.Compare(a.Pos, b.Pos), cmp.Compare(a.Package, b.Package), cmp.Compare(a.Msg, b.Msg))
	})
	r.Errors = slices.Compact(r.Errors)
	slices.Sort(r.Written)
}

// Unfixed counts the findings that no fix addresses.
func (r *Result) Unfixed() int {
	n := 0
	for _, f := range r.Findings {
		if !f.Fixable {
			n++
		}
	}
	return n
}

// merge adds a later round of -w, which checked again the files at the
// paths rechecked (written by the round before). Its fixed findings are new ones, fixed in
// that round. What it leaves unfixed in those files replaces what earlier
// rounds left there: the same findings, at their lines in the file as it
// is now, or findings that a fix uncovered, or none, when a fix of that
// round took care of them. Its errors and warnings add to the others, and
// its files changed again take their new content.
func (r *Result) merge(more *Result, paths []string) {
	rechecked := map[string]bool{}
	for _, p := range paths {
		rechecked[p] = true
	}
	r.Findings = slices.DeleteFunc(r.Findings, func(f Finding) bool {
		return !f.Fixable && rechecked[f.Pos.Filename]
	})
	for _, f := range more.Findings {
		if f.Fixable || rechecked[f.Pos.Filename] {
			r.Findings = append(r.Findings, f)
		}
	}
	r.Errors = append(r.Errors, more.Errors...)
	for _, w := range more.Warnings {
		if !slices.Contains(r.Warnings, w) {
			r.Warnings = append(r.Warnings, w)
		}
	}
	for _, c := range more.Changes {
		if !slices.Contains(more.Written, c.Path) {
			continue
		}
		i := slices.IndexFunc(r.Changes, func(old FileChange) bool { return old.Abs == c.Abs })
		if i < 0 {
			r.Changes = append(r.Changes, c)
			r.Written = append(r.Written, c.Path)
			continue
		}
		r.Changes[i].New = c.New
		r.Changes[i].Diff = unifiedDiff(c.Path, r.Changes[i].Old, c.New)
	}
	r.sort()
}
