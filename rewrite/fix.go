package rewrite

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
	"strings"

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

	srcs := map[string]*srcFile{}
	changed := map[string][]byte{}
	for _, name := range names {
		src, err := readOriginal(p.Fset, files[name], name)
		if err != nil {
			failAll(out, byFile[name], err.Error())
			continue
		}
		srcs[name] = &srcFile{p.Fset, files[name], src, importNames(files[name], p.TypesInfo), indentUnit(src)}
		fixed, ok := applyFixes(srcs[name], byFile[name], out)
		if len(ok) > 0 {
			changed[name] = fixed
		}
	}
	if len(changed) == 0 {
		return nil
	}

	if errs := typecheck(p, changed); len(errs) > 0 {
		// Some fix breaks the package. Find which: add the fixes to those
		// kept one at a time, each trial on a fresh decoration of the
		// original, and keep a fix only when its trial applies every fix
		// and type-checks. This is rare, so its cost does not matter. A
		// trial's outcomes are recorded on a scratch copy: the kept fixes
		// stay fixed, and their source is that of the last trial that
		// passed.
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
				scratch := slices.Clone(out)
				fixed, ok := applyFixes(srcs[name], trial, scratch)
				if len(ok) < len(trial) {
					reason := scratch[pf.idx].Reason
					if scratch[pf.idx].Fixable || reason == "" {
						reason = "the fix could not be applied together with the file's other fixes"
					}
					failAll(out, []pending{pf}, reason)
					continue
				}
				prev, had := accepted[name]
				accepted[name] = fixed
				if errs := typecheck(p, accepted); len(errs) > 0 {
					failAll(out, []pending{pf}, "the fix would not type-check: "+r.describe(errs[0]))
					if had {
						accepted[name] = prev
					} else {
						delete(accepted, name)
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
		if changed[name] == nil || bytes.Equal(changed[name], srcs[name].orig) {
			continue
		}
		if r.opts.FindingEdits {
			r.findingEdits(srcs[name], byFile[name], out)
		}
		path := r.relPath(name)
		changes = append(changes, FileChange{
			Path: path,
			Abs:  name,
			Old:  srcs[name].orig,
			New:  changed[name],
			Diff: unifiedDiff(path, srcs[name].orig, changed[name]),
		})
	}
	return changes
}

// applyFixes applies fixes to one file and returns the new source and the
// fixes that applied; each finding's Fixable and Reason say what happened.
//
// Decorating and printing a file are the expensive steps, and a fix usually
// touches one function of a long file. So the fixes first run on a file made
// of just the declarations that hold their findings; only a fix that
// reaches outside them (another declaration, a new import) makes the whole
// file decorated.
//
// A fix that fails may have changed part of the tree before it did: the
// others then run again, on a fresh decoration of the original, so that
// nothing of it remains.
func applyFixes(sf *srcFile, ps []pending, out []Finding) ([]byte, []pending) {
	for len(ps) > 0 {
		src, ok, failed := applyOnce(sf, ps, out)
		if !failed {
			return src, ok
		}
		ps = ok
	}
	return nil, nil
}

// applyOnce is one try of applyFixes. When a fix fails, it reports failed
// and the fixes that did not, and no source.
func applyOnce(sf *srcFile, ps []pending, out []Finding) (src []byte, ok []pending, failed bool) {
	if regions := declRegions(sf, ps); regions != nil {
		if src, ok, failed, whole := applyInRegions(sf, regions, ps, out); !whole {
			return src, ok, failed
		}
	}
	return applyWhole(sf, ps, out)
}

// A srcFile is a file as loaded: its syntax, bytes and import names.
type srcFile struct {
	fset *token.FileSet
	ast  *ast.File
	orig []byte
	// imports maps the file's import paths to the names it uses for them.
	imports map[string]string
	// unit is the file's indentation unit (indentUnit), for the lines a
	// splice adds.
	unit string
}

// line is the line of p in the file as it is on disk.
func (sf *srcFile) line(p token.Pos) int { return sf.fset.PositionFor(p, false).Line }

// fixContext gives fixes the nodes of df that are part of it (dst also
// decorates declarations that an identifier refers to, which a file made
// of some declarations does not hold) and its imports. missing is called
// when a fix asks for a node that is not there.
func (sf *srcFile) fixContext(d *decorator.Decorator, df *dst.File, missing func()) *rules.FixContext {
	in := map[dst.Node]bool{}
	dst.Inspect(df, func(n dst.Node) bool {
		in[n] = n != nil
		return true
	})
	return &rules.FixContext{
		File: df,
		Node: func(n ast.Node) dst.Node {
			if dn := d.Dst.Nodes[n]; dn != nil && in[dn] {
				return dn
			}
			missing()
			return nil
		},
		Import: func(path string) string { return addImport(df, path, sf.imports) },
	}
}

func applyWhole(sf *srcFile, ps []pending, out []Finding) ([]byte, []pending, bool) {
	fset, f, orig := sf.fset, sf.ast, sf.orig
	d := decorator.NewDecorator(fset)
	df, err := d.DecorateFile(f)
	if err != nil {
		failAll(out, ps, "cannot decorate the file: "+err.Error())
		return nil, nil, false
	}
	base, err := restore(df)
	if err != nil {
		failAll(out, ps, err.Error())
		return nil, nil, false
	}
	ok := runFixes(sf.fixContext(d, df, func() {}), ps, out)
	if len(ok) < len(ps) {
		return nil, ok, true
	}
	fixed, err := restore(df)
	if err != nil {
		failAll(out, ok, err.Error())
		return nil, nil, false
	}
	src := spliceIndent(orig, base, fixed, sf.unit)
	if src == nil {
		failAll(out, ok, "the fix could not be placed in the file's own formatting")
		return nil, nil, false
	}
	src, ok = checkParse(src, ok, out)
	return src, ok, false
}

// runFixes calls each fix and returns those that applied.
func runFixes(ctx *rules.FixContext, ps []pending, out []Finding) []pending {
	var ok []pending
	for _, pf := range ps {
		if err := callFix(pf.fix, ctx); err != nil {
			failAll(out, []pending{pf}, "the fix could not be applied: "+err.Error())
			continue
		}
		ok = append(ok, pf)
	}
	return ok
}

func checkParse(src []byte, ok []pending, out []Finding) ([]byte, []pending) {
	if _, err := parser.ParseFile(token.NewFileSet(), "", src, parser.SkipObjectResolution); err != nil {
		failAll(out, ok, "the fixed file would not parse: "+err.Error())
		return nil, nil
	}
	for _, pf := range ok {
		out[pf.idx].Fixable, out[pf.idx].Reason = true, ""
	}
	return src, ok
}

func failAll(out []Finding, ps []pending, reason string) {
	for _, pf := range ps {
		out[pf.idx].Fixable, out[pf.idx].Reason = false, reason
	}
}

// A region is a top-level declaration with its doc comment: lines
// [start, end] of the file, which no other declaration shares.
type region struct {
	decl       ast.Decl
	start, end int
}

// declRegions returns the declarations that hold the findings, or nil when
// a finding lies outside any or two declarations share a line.
func declRegions(sf *srcFile, ps []pending) []region {
	f, line := sf.ast, sf.line
	var regions []region
	for _, pf := range ps {
		i := slices.IndexFunc(f.Decls, func(d ast.Decl) bool { return d.Pos() <= pf.pos && pf.pos < d.End() })
		if i < 0 {
			return nil
		}
		d := f.Decls[i]
		if slices.ContainsFunc(regions, func(r region) bool { return r.decl == d }) {
			continue
		}
		start := d.Pos()
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Doc != nil {
				start = d.Doc.Pos()
			}
		case *ast.GenDecl:
			if d.Tok == token.IMPORT {
				return nil
			}
			if d.Doc != nil {
				start = d.Doc.Pos()
			}
		}
		r := region{d, line(start), line(d.End())}
		if i > 0 && line(f.Decls[i-1].End()) >= r.start || i+1 < len(f.Decls) && line(f.Decls[i+1].Pos()) <= r.end {
			return nil
		}
		regions = append(regions, r)
	}
	slices.SortFunc(regions, func(a, b region) int { return a.start - b.start })
	return regions
}

const regionMark = "//mapfix:region"

// applyInRegions decorates a file made of the regions' declarations alone,
// each preceded by a marker comment, fixes it, and splices each region of
// the printed result into the original. It reports whole when a fix needs
// more of the file than the regions, and failed, as applyOnce does, when
// a fix fails.
func applyInRegions(sf *srcFile, regions []region, ps []pending, out []Finding) (src []byte, ok []pending, failed, whole bool) {
	fset, f, orig, line := sf.fset, sf.ast, sf.orig, sf.line
	part := &ast.File{Name: f.Name, Package: f.Package, FileStart: f.FileStart, FileEnd: f.FileEnd}
	for _, r := range regions {
		part.Decls = append(part.Decls, r.decl)
	}
	for _, cg := range f.Comments {
		l := line(cg.Pos())
		if slices.ContainsFunc(regions, func(r region) bool { return r.start <= l && l <= r.end }) {
			part.Comments = append(part.Comments, cg)
		}
	}
	d := decorator.NewDecorator(fset)
	df, err := d.DecorateFile(part)
	if err != nil {
		return nil, nil, false, true
	}
	for i, decl := range df.Decls {
		decl.Decorations().Start.Prepend(fmt.Sprintf("%s:%d", regionMark, i))
	}
	base, err := restore(df)
	if err != nil {
		return nil, nil, false, true
	}
	// A fix that asks for a node outside the regions, or for an import,
	// needs the whole file: note it and let it go on, its result is dropped.
	scratch := slices.Clone(out)
	ctx := sf.fixContext(d, df, func() { whole = true })
	ctx.Import = func(path string) string { whole = true; return path }
	ok = runFixes(ctx, ps, scratch)
	if whole {
		return nil, nil, false, true
	}
	if len(ok) < len(ps) {
		copy(out, scratch) // why the others failed
		return nil, ok, true, false
	}
	fixed, err := restore(df)
	if err != nil {
		return nil, nil, false, true
	}
	baseSegs, fixedSegs := regionSegments(base), regionSegments(fixed)
	if len(baseSegs) != len(regions)+1 || len(fixedSegs) != len(regions)+1 || baseSegs[0] != fixedSegs[0] {
		return nil, nil, false, true // the markers or the package clause moved
	}
	lines := splitLines(orig)
	var b strings.Builder
	next := 0 // next original line to copy, 0-based
	for i, r := range regions {
		b.WriteString(strings.Join(lines[next:r.start-1], ""))
		region := []byte(strings.Join(lines[r.start-1:r.end], ""))
		spliced := spliceIndent(region, []byte(baseSegs[i+1]), []byte(fixedSegs[i+1]), sf.unit)
		if spliced == nil {
			return nil, nil, false, true
		}
		b.Write(spliced)
		next = r.end
	}
	b.WriteString(strings.Join(lines[next:], ""))
	copy(out, scratch)
	src, ok = checkParse([]byte(b.String()), ok, out)
	return src, ok, false, false
}

// regionSegments splits printed text at the region markers: the text before
// the first marker, then the text after each.
func regionSegments(text []byte) []string {
	var segs []string
	var cur strings.Builder
	for _, l := range splitLines(text) {
		if strings.HasPrefix(strings.TrimSpace(l), regionMark+":") {
			segs = append(segs, cur.String())
			cur.Reset()
			continue
		}
		cur.WriteString(l)
	}
	return append(segs, cur.String())
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
func (r *runner) findingEdits(sf *srcFile, ps []pending, out []Finding) {
	scratch := slices.Clone(out) // applyFixes records outcomes; keep the real ones
	for _, pf := range ps {
		if !out[pf.idx].Fixable {
			continue
		}
		src, ok := applyFixes(sf, []pending{pf}, scratch)
		if len(ok) == 0 {
			continue
		}
		out[pf.idx].Edits = lineEdits(sf.orig, src)
		out[pf.idx].Diff = unifiedDiff(out[pf.idx].Pos.Filename, sf.orig, src)
	}
}

// describe words an error of the type checker with its position as the
// user sees it.
func (r *runner) describe(err error) string {
	if te, ok := err.(types.Error); ok && te.Fset != nil {
		pos := te.Fset.PositionFor(te.Pos, false)
		pos.Filename = r.relPath(pos.Filename)
		return pos.String() + ": " + te.Msg
	}
	return err.Error()
}
