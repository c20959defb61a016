package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"
	"path"
	"strconv"
	"strings"

	"github.com/dave/dst"
)

// importNames maps the import paths of f to the names it refers to them by,
// as the type checker saw them: a package's name need not be the last
// element of its path (gopkg.in/yaml.v3, example.com/go-foo, /v2).
func importNames(f *ast.File, info *types.Info) map[string]string {
	names := map[string]string{}
	for _, spec := range f.Imports {
		if spec.Name != nil && (spec.Name.Name == "_" || spec.Name.Name == ".") {
			continue
		}
		if pn := info.PkgNameOf(spec); pn != nil {
			p, _ := strconv.Unquote(spec.Path.Value)
			names[p] = pn.Name()
		}
	}
	return names
}

// addImport returns the name by which f refers to the package at importPath,
// adding an import when f has none (names, from importNames, knows the
// existing ones). A new import goes into the file's first import
// declaration, in gofmt's order among the standard-library imports or after
// them; its name is taken to be the last element of its path, and the type
// check of the fixed package catches a package named otherwise.
func addImport(f *dst.File, importPath string, names map[string]string) string {
	if name, ok := names[importPath]; ok {
		return name
	}
	for _, spec := range f.Imports {
		if p, _ := strconv.Unquote(spec.Path.Value); p == importPath {
			if spec.Name != nil && spec.Name.Name != "_" && spec.Name.Name != "." {
				return spec.Name.Name
			}
			if spec.Name == nil {
				return path.Base(importPath) // added by an earlier fix
			}
		}
	}
	spec := &dst.ImportSpec{Path: &dst.BasicLit{Kind: token.STRING, Value: strconv.Quote(importPath)}}
	f.Imports = append(f.Imports, spec)
	var decl *dst.GenDecl
	for _, d := range f.Decls {
		if gd, ok := d.(*dst.GenDecl); ok && gd.Tok == token.IMPORT {
			decl = gd
			break
		}
	}
	if decl == nil {
		decl = &dst.GenDecl{Tok: token.IMPORT}
		f.Decls = append([]dst.Decl{decl}, f.Decls...)
		decl.Decs.Before = dst.EmptyLine
		decl.Decs.After = dst.EmptyLine
	}
	isStd := func(p string) bool { return !strings.Contains(strings.SplitN(p, "/", 2)[0], ".") }
	at := len(decl.Specs)
	for i, s := range decl.Specs {
		p, _ := strconv.Unquote(s.(*dst.ImportSpec).Path.Value)
		if isStd(importPath) && (!isStd(p) || p > importPath) || !isStd(importPath) && !isStd(p) && p > importPath {
			at = i
			break
		}
	}
	if len(decl.Specs) == 1 && !decl.Lparen {
		// import "x" becomes a block of two: each spec on its own line.
		decl.Lparen = true
		decl.Specs[0].(*dst.ImportSpec).Decs.Before = dst.NewLine
		decl.Specs[0].(*dst.ImportSpec).Decs.After = dst.NewLine
	}
	spec.Decs.Before, spec.Decs.After = dst.NewLine, dst.NewLine
	if at > 0 {
		// A blank line after the spec before ends its group: keep the new
		// spec inside the group, before the blank line.
		if prev := decl.Specs[at-1].(*dst.ImportSpec); prev.Decs.After == dst.EmptyLine {
			prev.Decs.After, spec.Decs.After = dst.NewLine, dst.EmptyLine
		}
	}
	decl.Specs = append(decl.Specs[:at], append([]dst.Spec{spec}, decl.Specs[at:]...)...)
	return path.Base(importPath)
}
