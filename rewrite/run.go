package rewrite

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/mapfix/mapfix/rules"
	"golang.org/x/tools/go/packages"
)

// Options say what to check and what to do with the fixes.
type Options struct {
	Dir   string        // working directory; paths are printed relative to it
	Args  []string      // package patterns and .go files; default ./...
	Rules []*rules.Rule // the rules to run
	// Known names every rule the caller has, for checking //mapfix:ignore
	// directives: one that names a rule outside Known is reported, one
	// that names a known rule that did not run is left alone. nil means
	// the names of Rules.
	Known []string
	Tags  []string // build tags
	Tests bool     // also check test files
	Write bool     // write the fixed files
	Jobs  int      // packages processed at once; 0 means GOMAXPROCS
	Env   []string // environment of the go command; nil means this process's

	// Cache is the directory of the result cache (cache.go); "" means
	// none. Only dry runs without NewFromRev use it.
	Cache string
	// FindingEdits computes each fixable finding's own edits and diff,
	// for formats that attach a suggestion to each finding. It decorates a
	// file once more per finding, so it is off unless asked for.
	FindingEdits bool
	// NewFromRev, when set, keeps only findings on lines added or changed
	// since this git revision (uncommitted changes and untracked files
	// included).
	NewFromRev string
	// Progress, when set, is called as packages are done, with the number
	// of packages done and to do.
	Progress func(done, total int)

	listCache *listCache // set by the result cache on a miss (listcache.go)
}

// Run checks the packages that opts select. It returns an error only when
// the run as a whole cannot proceed; packages that fail to load are listed
// in Result.Errors and the others are still processed.
func Run(opts Options) (*Result, error) {
	if opts.Dir == "" {
		wd, err := os.Getwd()
		if err != nil {
			return nil, err
		}
		opts.Dir = wd
	}
	if len(opts.Args) == 0 {
		opts.Args = []string{"./..."}
	}
	if len(opts.Rules) == 0 {
		return nil, errors.New("no rules to run")
	}
	if opts.Jobs <= 0 {
		opts.Jobs = runtime.GOMAXPROCS(0)
	}
	if opts.Cache != "" && !opts.Write && opts.NewFromRev == "" {
		return cachedRun(opts)
	}
	res, err := run(opts)
	if err != nil || !opts.Write {
		return res, err
	}
	// One rule's fix can make room for another's (a map that nilmap makes
	// may then be filled to a known size): rewrite the written files again
	// until nothing changes, so that a second run finds nothing to fix.
	const maxRounds = 3
	again := res.Written
	for round := 2; round <= maxRounds && len(again) > 0; round++ {
		next := opts
		next.Args, next.Progress = nil, nil
		for _, c := range res.Changes {
			if slices.Contains(again, c.Path) {
				next.Args = append(next.Args, c.Abs)
			}
		}
		more, err := run(next)
		if err != nil {
			// The files written so far are written: report them, and
			// the failure.
			res.Errors = append(res.Errors, LoadError{Msg: fmt.Sprintf("checking the rewritten files again (round %d): %v", round, err), Kind: RunError})
			res.sort()
			break
		}
		res.merge(more, again)
		again = more.Written
	}
	return res, nil
}

// cachedRun is Run for a dry run, through the result cache.
func cachedRun(opts Options) (*Result, error) {
	tgt, _, _ := resolveArgs(opts.Dir, opts.Args)
	key, lc, kerr := opts.cacheKey(tgt, tgt.tests(opts.Tests))
	if kerr == nil {
		if res, ok := cacheGet(opts.Cache, key); ok {
			res.Cached = true
			return res, nil
		}
	}
	opts.listCache = lc
	res, err := run(opts)
	if err == nil && kerr == nil && len(res.Errors) == 0 {
		cachePut(opts.Cache, key, res)
	}
	return res, err
}

// tests says whether test files are checked, given the option: only
// non-test files count when files are named and none is a test file; the
// test variants, supersets of the packages, would be type-checked for
// nothing. This is the common pre-commit call, and it halves its work.
func (t target) tests(option bool) bool {
	return option && (t.files == nil || t.testFiles)
}

// run is one pass of Run: it loads, checks and fixes the packages once.
func run(opts Options) (*Result, error) {
	res := &Result{}
	tgt, errs, warnings := resolveArgs(opts.Dir, opts.Args)
	opts.Tests = tgt.tests(opts.Tests)
	res.Errors = append(res.Errors, errs...)
	res.Warnings = warnings
	if len(tgt.groups) == 0 {
		res.sort()
		return res, nil
	}
	var batches []*batch
	total := 0
	for _, g := range tgt.groups {
		b, errs, warnings, err := opts.list(g, tgt.files)
		if err != nil {
			return nil, err
		}
		res.Errors = append(res.Errors, errs...)
		res.Warnings = append(res.Warnings, warnings...)
		if b == nil {
			if len(errs) == 0 && len(warnings) == 0 {
				res.Errors = append(res.Errors, LoadError{Msg: "no packages match " + strings.Join(g.patterns, " "), Kind: ArgError})
			}
			continue
		}
		batches = append(batches, b)
		total += len(b.units)
	}

	r := &runner{opts: &opts, target: tgt, res: res, done: map[string]bool{}, rels: map[string]string{}, total: total}
	if opts.NewFromRev != "" {
		var err error
		if r.changed, err = newChangedLines(opts.Dir, opts.NewFromRev); err != nil {
			return nil, err
		}
	}
	// Each unit is type-checked, checked by the rules and dropped, -j at a
	// time, so memory is that of a few packages, not of the repository.
	done := 0
	for _, b := range batches {
		r.processUnits(b.g, b.units)
		done += len(b.units)
		r.progress(done) // packages that failed to load count as done too
	}
	res.sort()
	return res, nil
}

type runner struct {
	opts   *Options
	target target

	changed *changedLines // nil: every line counts

	mu       sync.Mutex
	rels     map[string]string // relPath of each file met, which costs two stats
	res      *Result
	done     map[string]bool // files already handled by an earlier package
	total    int             // packages to do
	finished int             // packages done
}

// progress reports done packages; it is monotonic whatever order the
// workers finish in. done < 0 means one more.
func (r *runner) progress(done int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if done < 0 {
		done = r.finished + 1
	}
	if done <= r.finished {
		return
	}
	r.finished = min(done, r.total)
	if r.opts.Progress != nil {
		r.opts.Progress(r.finished, r.total)
	}
}

// processUnits type-checks the units and runs processPackage on their
// packages, r.opts.Jobs units at a time, largest first.
func (r *runner) processUnits(g *graph, units []unit) {
	next := make(chan unit)
	var wg sync.WaitGroup
	for range min(r.opts.Jobs, len(units)) {
		wg.Go(func() {
			for u := range next {
				r.processUnit(g, u)
			}
		})
	}
	for _, u := range units {
		next <- u
	}
	close(next)
	wg.Wait()
}

func (r *runner) processUnit(g *graph, u unit) {
	for _, p := range g.check(u) {
		if errs := r.opts.checkErrors(p); errs != nil {
			r.mu.Lock()
			r.res.Errors = append(r.res.Errors, errs...)
			r.mu.Unlock()
			continue
		}
		r.processPackage(p)
		if p.ForTest == "" || p.ForTest == p.PkgPath {
			r.progress(-1) // the package, or its test variant, which stands for it
		}
	}
}

// processPackage runs the rules on one package and fixes its files.
func (r *runner) processPackage(p *packages.Package) {
	// A file belongs to this package's run unless an earlier package (the
	// same files seen through another variant) has claimed it. A file that
	// imports "C" is type-checked as the file cgo generates from it, in
	// the build cache; it stands for the user's file, which the //line
	// directives cgo writes name. cgo's own files stand for none.
	goFiles := map[string]bool{}
	for _, f := range p.GoFiles {
		goFiles[f] = true
	}
	users := map[string]userFile{} // by syntax file name
	for _, f := range p.Syntax {
		name := p.Fset.File(f.FileStart).Name()
		uf := userFile{name: name, syntax: f}
		if !goFiles[name] {
			uf.name, uf.cgo = cgoSource(p.Fset, f, p.GoFiles), true
			if uf.name == "" {
				continue
			}
		}
		users[name] = uf
	}
	files := map[string]*ast.File{} // claimed, by syntax file name
	r.mu.Lock()
	r.res.Packages++
	for name, uf := range users {
		if !r.done[uf.name] {
			r.done[uf.name] = true
			files[name] = uf.syntax
		}
	}
	r.mu.Unlock()
	if len(files) == 0 {
		return
	}

	pass := &rules.Pass{Fset: p.Fset, Files: p.Syntax, Pkg: p.Types, Info: p.TypesInfo}
	// The files whose findings count: claimed by this package, named on the
	// command line (if files were), and neither generated nor vendored,
	// which are never rewritten and have nobody to act on a report.
	reportable := map[string][]*directive{}
	for name, f := range files {
		uf := users[name]
		if r.target.files != nil && !r.target.files[uf.name] || isVendored(uf.name) {
			continue
		}
		generated := ast.IsGenerated(f)
		if uf.cgo {
			generated = isGeneratedFile(uf.name) // cgo marks its output generated, not the user's file
		}
		if generated {
			continue
		}
		reportable[name] = parseDirectives(p.Fset, f, uf.cgo)
	}
	byFile := map[string][]pending{}
	var out []Finding
	// add records rf, found in the syntax file name at pos (rf.Pos as the
	// user sees it).
	add := func(rf rules.Finding, name string, pos token.Position) {
		uf := users[name]
		if r.changed != nil && !r.changed.has(uf.name, pos.Line) {
			return
		}
		pos.Filename = r.relPath(pos.Filename)
		f := Finding{
			Rule:    rf.Rule,
			Pos:     pos,
			End:     r.position(p.Fset, rf.End, uf.cgo),
			Message: rf.Message,
			Reason:  rf.NoFix,
		}
		if rf.Fix == nil && f.Reason == "" {
			f.Reason = "no safe fix"
		}
		if rf.Fix != nil && uf.cgo {
			f.Reason = "cgo file: fixes are not applied"
			rf.Fix = nil
		}
		out = append(out, f)
		if rf.Fix != nil {
			byFile[name] = append(byFile[name], pending{idx: len(out) - 1, pos: rf.Pos, fix: rf.Fix})
		}
	}
	for _, rule := range r.opts.Rules {
		found, err := runRule(rule, pass)
		if err != nil {
			r.mu.Lock()
			r.res.Errors = append(r.res.Errors, LoadError{Package: p.PkgPath, Msg: err.Error(), Kind: RuleError})
			r.mu.Unlock()
		}
		for _, rf := range found {
			name := p.Fset.File(rf.Pos).Name()
			ds, ok := reportable[name]
			if !ok {
				continue
			}
			uf := users[name]
			pos := p.Fset.PositionFor(rf.Pos, uf.cgo)
			if pos.Filename != uf.name {
				continue // code that cgo added
			}
			rf.Rule = rule.Name
			line := pos.Line
			silenced := false
			for _, d := range ds {
				if d.silences(rule.Name, line) {
					d.used, silenced = true, true
				}
			}
			if !silenced {
				add(rf, name, pos)
			}
		}
	}
	for name, ds := range reportable {
		for _, rf := range directiveProblems(ds, r.opts.Rules, r.opts.Known) {
			add(rf, name, p.Fset.PositionFor(rf.Pos, users[name].cgo))
		}
	}

	var changes []FileChange
	if len(byFile) > 0 {
		changes = r.fixPackage(p, files, byFile, out)
	}
	var written []string
	if r.opts.Write {
		for i := range changes {
			if err := writeFile(changes[i].Abs, changes[i].Old, changes[i].New); err != nil {
				failAll(out, byFile[changes[i].Abs], err.Error())
				continue
			}
			written = append(written, changes[i].Path)
		}
	}
	r.mu.Lock()
	r.res.Findings = append(r.res.Findings, out...)
	r.res.Changes = append(r.res.Changes, changes...)
	r.res.Written = append(r.res.Written, written...)
	r.mu.Unlock()
}

// runRule runs a rule on a package, turning a panic into an error: a bug
// in a rule must not stop the run, and must not pass unnoticed either.
func runRule(rule *rules.Rule, pass *rules.Pass) (found []rules.Finding, err error) {
	defer func() {
		if p := recover(); p != nil {
			found, err = nil, fmt.Errorf("internal error: rule %s failed on package %s: %v (please report this)", rule.Name, pass.Pkg.Path(), p)
		}
	}()
	return rule.Run(pass), nil
}

// A pending fix, and the finding (an index into the package's findings) it
// belongs to.
type pending struct {
	idx int
	pos token.Pos
	fix rules.Fix
}

// A userFile is a syntax file as the user knows it.
type userFile struct {
	// name is the file the user edits: the syntax file itself, or the one
	// cgo generated it from.
	name string
	// cgo says the syntax file is cgo's: its positions are the user file's
	// through its //line directives. In any other file, //line directives
	// (left by a tool that made the file) are not followed: a finding is
	// shown where its diff and edits are, in the file itself.
	cgo bool
	// syntax is the syntax file.
	syntax *ast.File
}

// position resolves pos for the user: through //line directives when
// adjusted is set, else in the file that holds it.
func (r *runner) position(fset *token.FileSet, pos token.Pos, adjusted bool) token.Position {
	p := fset.PositionFor(pos, adjusted)
	p.Filename = r.relPath(p.Filename)
	return p
}

// relPath is opts.relPath, worked out once per file.
func (r *runner) relPath(file string) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	rel, ok := r.rels[file]
	if !ok {
		rel = r.opts.relPath(file)
		r.rels[file] = rel
	}
	return rel
}

// cgoSource returns the file of goFiles that cgo generated f from, named
// by the //line directive before its package clause (by base name when
// the go command trims paths), or "" when f is one of cgo's own files.
func cgoSource(fset *token.FileSet, f *ast.File, goFiles []string) string {
	name := fset.PositionFor(f.Package, true).Filename
	if name == fset.File(f.FileStart).Name() {
		return "" // no //line directive: not generated from a user file
	}
	var byBase []string
	for _, g := range goFiles {
		if g == name {
			return g
		}
		if filepath.Base(g) == filepath.Base(name) {
			byBase = append(byBase, g)
		}
	}
	if len(byBase) == 1 {
		return byBase[0]
	}
	return ""
}

// isGeneratedFile reports whether the file at path says it is generated.
func isGeneratedFile(path string) bool {
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.PackageClauseOnly|parser.ParseComments)
	return err == nil && ast.IsGenerated(f)
}

func isVendored(name string) bool {
	return strings.Contains(filepath.ToSlash(name), "/vendor/")
}

// readOriginal returns the bytes the package was parsed from. A file that
// changed on disk since then cannot be fixed: positions no longer match.
func readOriginal(fset *token.FileSet, f *ast.File, name string) ([]byte, error) {
	src, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	if tf := fset.File(f.FileStart); tf.Size() != len(src) {
		return nil, fmt.Errorf("%s changed on disk while mapfix ran", name)
	}
	return src, nil
}
