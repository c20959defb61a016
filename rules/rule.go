// Package rules holds what mapfix's checks share: Rule, Pass, Finding and
// Fix. Each rule is a package of its own below this one (rules/capacity,
// rules/nilmap, rules/sharedmap), whose doc is its specification; rules/all
// lists them, and rules/internal holds the helpers more than one rule needs.
//
// A rule sees one type-checked package at a time and returns findings. It
// never opens, prints or writes a file: when it knows a safe fix, it attaches
// a Fix, which the rewrite engine calls later with the decorated (dst) tree of
// the file, only for files that have something to fix.
package rules

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"strings"

	"github.com/dave/dst"
)

// A Rule finds one family of map misuse.
type Rule struct {
	Name string // as given to -rules and printed in findings
	Doc  string // one line, for --help and machine-readable output
	// Help says, in a paragraph, what is reported, why it matters and what
	// the fix does: the help text of SARIF and review bots.
	Help string
	Run  func(*Pass) []Finding
}

// A Pass is one package, as a rule sees it.
type Pass struct {
	Fset  *token.FileSet
	Files []*ast.File
	Pkg   *types.Package
	Info  *types.Info
}

// Line is the line of pos in its file as it is on disk: messages name lines
// the user can find, which a //line directive must not redirect.
func (p *Pass) Line(pos token.Pos) int { return p.Fset.PositionFor(pos, false).Line }

// Where names pos as file.go:line, the file by its base name, for messages
// that point at another place in the package.
func (p *Pass) Where(pos token.Pos) string {
	pp := p.Fset.PositionFor(pos, false)
	return fmt.Sprintf("%s:%d", filepath.Base(pp.Filename), pp.Line)
}

// InTest reports whether pos is in a _test.go file.
func (p *Pass) InTest(pos token.Pos) bool {
	return strings.HasSuffix(p.Fset.PositionFor(pos, false).Filename, "_test.go")
}

// A Finding is one report. Fix is nil when no safe fix exists; NoFix then
// says why, in a few words a user can act on.
type Finding struct {
	Rule     string
	Pos, End token.Pos
	Message  string
	Fix      Fix
	NoFix    string
}

// A Fix edits the decorated file that holds its finding. It must only touch
// nodes it reaches through FixContext.Node, and return an error (the fix is
// then dropped and reported as unfixed) rather than leave a half-made edit.
type Fix func(*FixContext) error

// FixContext is what a Fix gets from the engine.
type FixContext struct {
	File *dst.File
	// Node returns the dst node decorated from an ast node of this file, or
	// nil if n is not part of it.
	Node func(n ast.Node) dst.Node
	// Import returns the name by which the file refers to the package with
	// this import path, adding the import when the file lacks it.
	Import func(path string) string
}
