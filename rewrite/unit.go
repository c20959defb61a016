package rewrite

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"strings"

	"github.com/mapfix/mapfix/rules"
	"golang.org/x/tools/go/packages"
)

// A Unit is one package that an analysis driver (go vet, go fix,
// golangci-lint, nogo) has loaded and type-checked: the engine does no
// loading and no writing for it, and sees it one package at a time.
type Unit struct {
	Fset  *token.FileSet
	Files []*ast.File
	Pkg   *types.Package
	Info  *types.Info
	Sizes types.Sizes
	// ReadFile returns a file's bytes as the driver parsed them.
	ReadFile func(name string) ([]byte, error)
}

// A UnitFinding is a finding of CheckUnit. When the rule offered a fix that
// the engine could apply alone and type-check, File is the file the fix
// edits and Old and New are its bytes before and after: the same fix, and
// the same splice that changes only the lines it touches, that Run
// applies. Otherwise Reason says why there is none.
type UnitFinding struct {
	Rule     string
	Pos, End token.Pos
	Message  string
	Reason   string
	File     string
	Old, New []byte
}

// CheckUnit runs rule on u. Findings in generated or vendored files and
// findings that a //mapfix:ignore or //nolint:mapfix directive silences are
// left out, as Run leaves them out. A panic of the rule is returned as an
// error.
func CheckUnit(u *Unit, rule *rules.Rule) ([]UnitFinding, error) {
	pass := &rules.Pass{Fset: u.Fset, Files: u.Files, Pkg: u.Pkg, Info: u.Info}
	found, err := runRule(rule, pass)
	if err != nil {
		return nil, err
	}
	files := map[*token.File]*ast.File{}
	directives := map[*token.File][]*directive{}
	for _, f := range u.Files {
		tf := u.Fset.File(f.FileStart)
		if ast.IsGenerated(f) || isVendored(tf.Name()) {
			continue
		}
		files[tf] = f
		directives[tf] = parseDirectives(u.Fset, f, false)
	}
	pkg := &packages.Package{
		PkgPath:    u.Pkg.Path(),
		Fset:       u.Fset,
		Syntax:     u.Files,
		Types:      u.Pkg,
		TypesInfo:  u.Info,
		TypesSizes: u.Sizes,
	}
	if v := u.Pkg.GoVersion(); v != "" {
		pkg.Module = &packages.Module{GoVersion: strings.TrimPrefix(v, "go")}
	}
	srcs := map[*token.File]*srcFile{}
	var out []UnitFinding
	for _, rf := range found {
		tf := u.Fset.File(rf.Pos)
		f, ok := files[tf]
		if !ok {
			continue
		}
		line := u.Fset.PositionFor(rf.Pos, false).Line
		silenced := false
		for _, d := range directives[tf] {
			if d.silences(rule.Name, line) {
				silenced = true
			}
		}
		if silenced {
			continue
		}
		uf := UnitFinding{Rule: rule.Name, Pos: rf.Pos, End: rf.End, Message: rf.Message, Reason: rf.NoFix}
		switch {
		case rf.Fix == nil:
			if uf.Reason == "" {
				uf.Reason = "no safe fix"
			}
		case u.Fset.PositionFor(f.Package, true).Filename != tf.Name():
			uf.Reason = "cgo file: fixes are not applied"
		default:
			sf := srcs[tf]
			if sf == nil {
				src, err := u.ReadFile(tf.Name())
				if err == nil && tf.Size() != len(src) {
					err = fmt.Errorf("%s changed on disk while mapfix ran", tf.Name())
				}
				if err != nil {
					uf.Reason = err.Error()
					break
				}
				sf = &srcFile{u.Fset, f, src, importNames(f, u.Info), indentUnit(src)}
				srcs[tf] = sf
			}
			if uf.New, uf.Reason = fixAlone(pkg, sf, rf); uf.Reason == "" {
				uf.File, uf.Old = tf.Name(), sf.orig
			}
		}
		out = append(out, uf)
	}
	return out, nil
}

// fixAlone applies rf's fix alone to sf and type-checks the result. It
// returns the fixed source, or why the fix cannot be offered.
func fixAlone(p *packages.Package, sf *srcFile, rf rules.Finding) (src []byte, reason string) {
	scratch := make([]Finding, 1)
	src, ok := applyFixes(sf, []pending{{idx: 0, pos: rf.Pos, fix: rf.Fix}}, scratch)
	if len(ok) == 0 {
		if scratch[0].Reason != "" {
			return nil, scratch[0].Reason
		}
		return nil, "the fix could not be applied"
	}
	name := p.Fset.File(sf.ast.FileStart).Name()
	if errs := typecheck(p, map[string][]byte{name: src}); len(errs) > 0 {
		return nil, "the fix would not type-check: " + describeBase(errs[0])
	}
	return src, ""
}

// describeBase words an error of the type checker with its position, the
// file by its base name: a driver prints findings its own way, and the
// reason only needs to point at the line.
func describeBase(err error) string {
	if te, ok := err.(types.Error); ok && te.Fset != nil {
		pos := te.Fset.PositionFor(te.Pos, false)
		pos.Filename = filepath.Base(pos.Filename)
		return pos.String() + ": " + te.Msg
	}
	return err.Error()
}
