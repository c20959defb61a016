package rewrite

import (
	"cmp"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/packages"
)

// LoadMode type-checks the selected packages from source and takes their
// dependencies from export data (no NeedDeps), as go vet does. The engine
// computes what packages.Load returns in this mode, a unit at a time
// (graph, in check.go); bench/floor loads in it, as the floor to compare
// with.
const LoadMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
	packages.NeedSyntax | packages.NeedTypes | packages.NeedTypesInfo |
	packages.NeedTypesSizes | packages.NeedModule | packages.NeedForTest

func (o *Options) config(mode packages.LoadMode, dir string) *packages.Config {
	cfg := &packages.Config{
		Mode:  mode,
		Dir:   dir,
		Tests: o.Tests,
		Env:   o.Env,
	}
	if len(o.Tags) > 0 {
		cfg.BuildFlags = []string{"-tags=" + strings.Join(o.Tags, ",")}
	}
	return cfg
}

// target is what the user's arguments select: package patterns, each with
// the directory the go command runs in, and, when files were named, the
// only files whose findings count.
type target struct {
	groups    []group
	files     map[string]bool // absolute paths; nil means every file
	testFiles bool            // some of files are _test.go files
}

// A group of patterns is loaded from one directory: the working directory
// for package patterns, the module root for files, since a repository may
// hold several modules and the go command sees one at a time.
type group struct {
	dir      string
	patterns []string
	files    []string // the named files among them, absolute
}

// A batch is what one group selects: the packages of one go list call and
// the units to check among them.
type batch struct {
	g     *graph
	units []unit
}

// resolveArgs turns arguments into groups of patterns. A .go file selects
// its directory's package and restricts the results to itself, which is
// what a pre-commit hook needs. A .go file that does not exist (deleted or
// renamed since the hook listed it) has nothing to check: it gets a warning.
func resolveArgs(dir string, args []string) (t target, errs []LoadError, warnings []string) {
	byDir := map[string]int{} // index into t.groups
	add := func(dir, pat string) *group {
		i, ok := byDir[dir]
		if !ok {
			i = len(t.groups)
			byDir[dir] = i
			t.groups = append(t.groups, group{dir: dir})
		}
		if !slices.Contains(t.groups[i].patterns, pat) {
			t.groups[i].patterns = append(t.groups[i].patterns, pat)
		}
		return &t.groups[i]
	}
	for _, a := range args {
		if !strings.HasSuffix(a, ".go") {
			if fi, err := os.Stat(filepath.Join(dir, a)); err == nil && fi.Mode().IsRegular() {
				errs = append(errs, LoadError{Pos: a, Msg: "not a Go file", Kind: ArgError})
				continue
			}
			add(dir, a)
			continue
		}
		abs := a
		if !filepath.IsAbs(abs) {
			abs = filepath.Join(dir, a)
		}
		if fi, err := os.Stat(abs); err != nil || !fi.Mode().IsRegular() {
			warnings = append(warnings, a+": no such file; skipped")
			continue
		}
		pkgDir := filepath.Dir(abs)
		root := moduleRoot(pkgDir)
		if inTestdata(abs, dir, root) {
			warnings = append(warnings, a+": in a testdata directory, which the go command ignores; skipped")
			continue
		}
		if t.files == nil {
			t.files = map[string]bool{}
		}
		t.files[abs] = true
		t.testFiles = t.testFiles || strings.HasSuffix(abs, "_test.go")
		if root == "" {
			root = dir
		}
		pat := pkgDir
		if rel, err := filepath.Rel(root, pkgDir); err == nil && !strings.HasPrefix(rel, "..") {
			pat = "./" + filepath.ToSlash(rel)
		}
		g := add(root, pat)
		g.files = append(g.files, abs)
	}
	return t, errs, warnings
}

// inTestdata reports whether the file at abs is in a directory named
// testdata, below one of the bases (the working directory, the file's
// module root): the go command leaves such directories out of packages,
// and they hold test inputs, which are often broken on purpose.
func inTestdata(abs string, bases ...string) bool {
	for _, base := range bases {
		if base == "" {
			continue
		}
		rel, err := filepath.Rel(base, filepath.Dir(abs))
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			continue
		}
		if slices.Contains(strings.Split(filepath.ToSlash(rel), "/"), "testdata") {
			return true
		}
	}
	return false
}

// moduleRoot is the nearest directory at or above dir that holds a go.mod,
// or "".
func moduleRoot(dir string) string {
	for {
		if fi, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil && !fi.IsDir() {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// list asks the go command, once, for the packages of a group and for
// their dependencies, and returns the batch to check. When files were
// named (files is not nil), only the packages that build one of them are
// checked, and a named file that the build leaves out (a build constraint,
// or a test file with Tests off) gets a warning and is skipped, errors of
// its package included: it has nothing to check, which must not fail a
// pre-commit hook.
func (o *Options) list(g group, files map[string]bool) (*batch, []LoadError, []string, error) {
	mine := map[string]bool{} // named files of this group
	for _, f := range g.files {
		mine[f] = true
	}
	pkgs, err := o.loadMeta(g)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("loading packages: %w", err)
	}
	ids := map[string]bool{} // package paths to check
	var errs []LoadError
	var warnings []string
	// Which packages build a named file, and which named files no package
	// builds.
	wanted := map[string]bool{}     // package path → builds a named file
	skippedDir := map[string]bool{} // directories of skipped files
	if files != nil {
		built, ignored := map[string]bool{}, map[string]bool{}
		for _, p := range pkgs {
			root := p.PkgPath
			if p.ForTest != "" {
				root = p.ForTest
			}
			for _, f := range p.GoFiles {
				built[f] = true
				wanted[root] = wanted[root] || files[f]
			}
			for _, f := range p.IgnoredFiles {
				ignored[f] = true
			}
		}
		for _, f := range slices.Sorted(maps.Keys(mine)) {
			if built[f] {
				continue
			}
			why := ""
			switch {
			case strings.HasSuffix(f, "_test.go") && !o.Tests:
				why = "a test file, and test files are not checked (-tests=false)"
			case ignored[f]:
				why = "excluded from the build by its build constraints"
				if len(o.Tags) > 0 {
					why += " (with -tags " + strings.Join(o.Tags, ",") + ")"
				}
			default:
				continue
			}
			warnings = append(warnings, o.relPath(f)+": "+why+"; skipped")
			skippedDir[filepath.Dir(f)] = true
		}
	}
	for _, p := range pkgs {
		// Listing errors (a missing directory, a bad pattern) mean there is
		// nothing to load; errors inside a package surface when it loads.
		if len(p.GoFiles) == 0 && len(p.Errors) > 0 {
			if skippedDir[p.Dir] {
				continue // nothing left to build: the warning says why
			}
			for _, e := range p.Errors {
				le := o.loadError(p, e)
				le.Kind = ArgError // the pattern names no package to load
				errs = append(errs, le)
			}
			continue
		}
		if p.ForTest != "" || strings.HasSuffix(p.ID, ".test") {
			continue // test variants come with their package
		}
		// Packages outside a module (command-line-arguments) are what
		// the patterns name, whatever files they build.
		if path := p.PkgPath; path != "" && (path == "command-line-arguments" || files == nil || wanted[path]) {
			ids[path] = true
		}
	}
	var roots []*packages.Package
	for _, p := range pkgs {
		if ids[cmp.Or(p.ForTest, p.PkgPath)] && (len(p.GoFiles) > 0 || len(p.Errors) == 0) {
			roots = append(roots, p)
		}
	}
	if len(roots) == 0 {
		return nil, errs, warnings, nil
	}
	gr := newGraph(roots)
	return &batch{gr, gr.units(roots)}, errs, warnings, nil
}

// loadErrors returns a package's errors. When the parser or type checker
// located them, the go command's compiler log ("# pkg" and the same errors
// again) only repeats them.
func (o *Options) loadErrors(p *packages.Package) []LoadError {
	located := false
	for _, e := range p.Errors {
		located = located || e.Pos != "" && e.Pos != "-"
	}
	var errs []LoadError
	for _, e := range p.Errors {
		if located && (e.Pos == "" || e.Pos == "-") && strings.HasPrefix(e.Msg, "# ") {
			continue
		}
		errs = append(errs, o.loadError(p, e))
	}
	return errs
}

func (o *Options) loadError(p *packages.Package, e packages.Error) LoadError {
	le := LoadError{Package: p.PkgPath, Msg: e.Msg}
	if e.Pos != "" && e.Pos != "-" {
		le.Pos = o.relPos(e.Pos)
	}
	return le
}

// relPos makes the file of a "file:line:col" position relative to the
// working directory, as go vet prints it.
func (o *Options) relPos(pos string) string {
	file, rest := pos, ""
	// The file name may contain ':' only on Windows drive letters; cut at
	// the first ':' that is followed by a digit.
	for i := 0; i < len(pos); i++ {
		if pos[i] == ':' && i+1 < len(pos) && pos[i+1] >= '0' && pos[i+1] <= '9' {
			file, rest = pos[:i], pos[i:]
			break
		}
	}
	return o.relPath(file) + rest
}

// relPath is file as the go command prints it (cmd/go's base.ShortPath):
// relative to the working directory when that is shorter and names the
// same file (a ".." may not, through a symbolic link), absolute otherwise.
func (o *Options) relPath(file string) string {
	if !filepath.IsAbs(file) {
		return file
	}
	rel, err := filepath.Rel(o.Dir, file)
	if err != nil || len(rel) >= len(file) || !sameFile(o.Dir+string(filepath.Separator)+rel, file) {
		return file
	}
	return rel
}

// sameFile reports whether two paths name the same file, or both name
// none. The first is not cleaned: its ".." elements are resolved by the
// system, after the links before them.
func sameFile(a, b string) bool {
	fa, errA := os.Stat(a)
	fb, errB := os.Stat(b)
	if errA != nil || errB != nil {
		return os.IsNotExist(errA) && os.IsNotExist(errB)
	}
	return os.SameFile(fa, fb)
}

// checkErrors returns why p, as checked, cannot be run on: its errors,
// or that it is ill-typed through a dependency.
func (o *Options) checkErrors(p *packages.Package) []LoadError {
	if len(p.Errors) > 0 {
		return o.loadErrors(p)
	}
	if p.IllTyped || p.Types == nil || p.TypesInfo == nil {
		return []LoadError{{Package: p.PkgPath, Msg: "package could not be type-checked"}}
	}
	return nil
}
