package rewrite

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"slices"

	"github.com/dave/dst"
	"github.com/dave/dst/decorator"
	"github.com/mapfix/mapfix/rules"
	"golang.org/x/tools/go/packages"
)

// fixPackage applies the pending fixes of each file of p and returns the
// files that change. A fix that fails, or that leaves the package unable to
// type-check, is dropped and its finding says why.
func (r *runner) fixPackage(p *packages.Package, files map[string]*ast.File, byFile map[string][]pending, out []Finding) []FileChange {
	names := make([]string, 0, len(byFile))
	for name := range byFile {
		names = append(names, name)
	}
	slices.Sort(names)

	orig := map[string][]byte{}
	changed := map[string][]byte{}
	for _, name := range names {
		src, err := readOriginal(p.Fset, files[name], name)
		if err != nil {
			r.unfix(out, byFile[name], err.Error())
			continue
		}
		orig[name] = src
		fixed, ok := applyFixes(p.Fset, files[name], src, byFile[name], out)
		if len(ok) > 0 {
			changed[name] = fixed
		}
	}
	if len(changed) == 0 {
		return nil
	}

	if errs := typecheck(p, changed); len(errs) > 0 {
		// Some fix breaks the package. Find which, one fix at a time, and
		// keep the others: this is rare, so its cost does not matter.
		accepted := map[string][]byte{}
		for _, name := range names {
			if changed[name] == nil {
				continue
			}
			var keep []pending
			for _, pf := range byFile[name] {
				if !out[pf.idx].Fixable {
					continue
				}
				trial := append(slices.Clone(keep), pf)
				fixed, ok := applyFixes(p.Fset, files[name], orig[name], trial, out)
				if len(ok) < len(trial) {
					continue // applyFixes has recorded why
				}
				accepted[name] = fixed
				if errs := typecheck(p, accepted); len(errs) > 0 {
					out[pf.idx].Fixable = false
					out[pf.idx].Reason = "the fix would not type-check: " + errs[0].Error()
					if len(keep) == 0 {
						delete(accepted, name)
					} else {
						accepted[name], _ = applyFixes(p.Fset, files[name], orig[name], keep, out)
					}
					continue
				}
				keep = append(keep, pf)
			}
		}
		changed = accepted
	}

	var changes []FileChange
	for _, name := range names {
		if changed[name] == nil || bytes.Equal(changed[name], orig[name]) {
			continue
		}
		if r.opts.FindingEdits {
			r.findingEdits(p.Fset, files[name], orig[name], byFile[name], out)
		}
		path := r.opts.relPath(name)
		changes = append(changes, FileChange{
			Path: path,
			Abs:  name,
			Old:  orig[name],
			New:  changed[name],
			Diff: unifiedDiff(path, orig[name], changed[name]),
		})
	}
	return changes
}

// applyFixes decorates one file, applies the fixes, and returns the new
// source and the fixes that applied; each finding's Fixable and Reason say
// what happened to its fix.
func applyFixes(fset *token.FileSet, f *ast.File, orig []byte, ps []pending, out []Finding) ([]byte, []pending) {
	fail := func(ps []pending, reason string) {
		for _, pf := range ps {
			out[pf.idx].Fixable, out[pf.idx].Reason = false, reason
		}
	}
	d := decorator.NewDecorator(fset)
	df, err := d.DecorateFile(f)
	if err != nil {
		fail(ps, "cannot decorate the file: "+err.Error())
		return nil, nil
	}
	base, err := restore(df)
	if err != nil {
		fail(ps, err.Error())
		return nil, nil
	}
	ctx := &rules.FixContext{
		File:   df,
		Node:   func(n ast.Node) dst.Node { return d.Dst.Nodes[n] },
		Import: func(path string) string { return addImport(df, path) },
	}
	var ok []pending
	for _, pf := range ps {
		if err := callFix(pf.fix, ctx); err != nil {
			fail([]pending{pf}, "the fix could not be applied: "+err.Error())
			continue
		}
		ok = append(ok, pf)
	}
	fixed, err := restore(df)
	if err != nil {
		fail(ok, err.Error())
		return nil, nil
	}
	src := splice(orig, base, fixed)
	if _, err := parser.ParseFile(token.NewFileSet(), "", src, parser.SkipObjectResolution); err != nil {
		fail(ok, "the fixed file would not parse: "+err.Error())
		return nil, nil
	}
	for _, pf := range ok {
		out[pf.idx].Fixable, out[pf.idx].Reason = true, ""
	}
	return src, ok
}

// callFix runs a rule's fix, turning a panic into an error: a bug in one
// fix must not stop the run.
func callFix(fix rules.Fix, ctx *rules.FixContext) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("internal error: %v", p)
		}
	}()
	return fix(ctx)
}

func restore(f *dst.File) ([]byte, error) {
	var buf bytes.Buffer
	if err := decorator.NewRestorer().Fprint(&buf, f); err != nil {
		return nil, fmt.Errorf("cannot print the fixed file: %v", err)
	}
	return buf.Bytes(), nil
}

// findingEdits applies each fixable finding's fix on its own and records
// the lines it changes, so a report can carry the finding's own fix.
func (r *runner) findingEdits(fset *token.FileSet, f *ast.File, orig []byte, ps []pending, out []Finding) {
	scratch := slices.Clone(out) // applyFixes records outcomes; keep the real ones
	for _, pf := range ps {
		if !out[pf.idx].Fixable {
			continue
		}
		src, ok := applyFixes(fset, f, orig, []pending{pf}, scratch)
		if len(ok) == 0 {
			continue
		}
		out[pf.idx].Edits = lineEdits(orig, src)
		out[pf.idx].Diff = unifiedDiff(out[pf.idx].Pos.Filename, orig, src)
	}
}
