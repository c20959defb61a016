package rewrite

import (
	"cmp"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"io"
	"maps"
	"os"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"
)

// metaMode asks the go command for what it knows without type-checking:
// every package of the import graph with its files, its imports and the
// export data the build cache holds for it. It is the go list call that a
// load in LoadMode makes, once for all the packages to check.
const metaMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
	packages.NeedImports | packages.NeedDeps | packages.NeedExportFile |
	packages.NeedTypesSizes | packages.NeedModule | packages.NeedForTest

// exportBudget bounds the export data read into one generation of the
// dependency cache (below). Types read from export data take several times
// its size; a repository whose packages import each other (every service
// of an SDK imported by its own client interfaces) would otherwise hold
// them all by the end of the run.
const exportBudget = 256 << 20

// A graph type-checks the packages of one load from source, a unit at a
// time, with their dependencies from export data: what packages.Load in
// LoadMode returns, but not all at once. packages.Load holds every package
// it type-checks until it returns, and type-checks a package that has
// tests twice (the package and its test variant, a superset of it);
// the engine keeps only the test variant and can drop each unit as soon
// as its rules have run, so memory stays that of a few packages and the
// test variant is the only one checked.
//
// What each package holds (syntax, types, errors, IllTyped) is what
// go/packages gives, computed the same way: a dependency without export
// data (it does not compile) and any dependency that imports a package
// checked from source are themselves checked from source, without
// function bodies unless the patterns named them.
type graph struct {
	pkgs   map[string]*packages.Package // metadata of every package, by ID
	roots  map[string]bool              // the packages the patterns named
	broken map[string]bool              // no export data for it or below it

	mu  sync.Mutex
	gen *generation // the dependency cache new units use
}

// A generation is a cache of packages read from export data, shared by
// the units that start while it is current. Objects of one unit must all
// come from one generation: type identity holds within it only.
type generation struct {
	fset  *token.FileSet
	mu    sync.Mutex // serializes reads: they fill packages of the cache in place
	pkgs  map[string]*exported
	bytes int64
}

type exported struct {
	types *types.Package // empty, partly or wholly filled in by export data
	read  bool           // its own export data was read (or failed: err)
	err   error
}

// A unit is what is checked together: a package, or its test variant when
// it has one, and its external test package.
type unit struct {
	ids  []string
	size int64 // bytes of source, to start the largest first
}

func newGraph(roots []*packages.Package) *graph {
	g := &graph{pkgs: map[string]*packages.Package{}, roots: map[string]bool{}, broken: map[string]bool{}}
	packages.Visit(roots, nil, func(p *packages.Package) { g.pkgs[p.ID] = p })
	for _, p := range roots {
		g.roots[p.ID] = true
	}
	var visit func(p *packages.Package) bool
	done := map[string]bool{}
	visit = func(p *packages.Package) bool {
		if done[p.ID] {
			return g.broken[p.ID]
		}
		done[p.ID] = true
		b := p.ExportFile == "" && p.PkgPath != "unsafe"
		for _, ip := range p.Imports {
			b = visit(ip) || b
		}
		g.broken[p.ID] = b
		return b
	}
	for _, p := range g.pkgs {
		visit(p)
	}
	return g
}

// units groups the roots to check into units, largest first. With tests,
// go list returns a package up to three times (p, p [p.test], p_test
// [p.test]) plus a generated test main; p [p.test] has every file of p, so
// p itself and the test main are left out.
func (g *graph) units(roots []*packages.Package) []unit {
	hasTestVariant := map[string]bool{}
	for _, p := range roots {
		if p.ForTest != "" && p.PkgPath == p.ForTest {
			hasTestVariant[p.PkgPath] = true
		}
	}
	byPath := map[string]*unit{}
	var order []string
	for _, p := range roots {
		if strings.HasSuffix(p.ID, ".test") && p.Name == "main" && p.ForTest == "" {
			continue // the generated test main
		}
		if p.ForTest == "" && hasTestVariant[p.PkgPath] {
			continue
		}
		key := cmp.Or(p.ForTest, p.PkgPath)
		u := byPath[key]
		if u == nil {
			u = &unit{}
			byPath[key] = u
			order = append(order, key)
		}
		// The package under test first: its external tests import it.
		if p.PkgPath == key {
			u.ids = slices.Insert(u.ids, 0, p.ID)
		} else {
			u.ids = append(u.ids, p.ID)
		}
		for _, f := range p.CompiledGoFiles {
			if fi, err := os.Stat(f); err == nil {
				u.size += fi.Size()
			}
		}
	}
	us := make([]unit, len(order))
	for i, k := range order {
		us[i] = *byPath[k]
	}
	slices.SortStableFunc(us, func(a, b unit) int { return cmp.Compare(b.size, a.size) })
	return us
}

// check type-checks the packages of u and returns them in u's order.
func (g *graph) check(u unit) []*packages.Package {
	g.mu.Lock()
	if g.gen == nil || g.gen.full() {
		g.gen = &generation{fset: token.NewFileSet(), pkgs: map[string]*exported{}}
	}
	c := &unitCheck{g: g, gen: g.gen, mine: map[string]bool{}, src: map[string]*packages.Package{}, reach: map[string]bool{}, cause: map[string]depError{}}
	g.mu.Unlock()
	for _, id := range u.ids {
		c.mine[id] = true
	}
	var out []*packages.Package
	for _, id := range u.ids {
		out = append(out, c.source(id))
	}
	return out
}

func (gen *generation) full() bool {
	gen.mu.Lock()
	defer gen.mu.Unlock()
	return gen.bytes > exportBudget
}

// A unitCheck is the type-checking of one unit.
type unitCheck struct {
	g     *graph
	gen   *generation
	mine  map[string]bool              // the unit's packages
	src   map[string]*packages.Package // checked from source, by ID
	reach map[string]bool              // memo of needsSource
	// cause is, for a package checked from source that is ill-typed only
	// through a dependency, the first error of the dependency at the root.
	cause map[string]depError
}

// A depError is an error of the dependency path.
type depError struct {
	path string
	err  packages.Error
}

// needsSource reports whether the package id must be checked from source
// in this unit: it is one of the unit's, it or a dependency has no export
// data, or it imports, directly or not, one of the unit's packages (a
// package that a test variant recompiles against its package under test).
func (c *unitCheck) needsSource(id string) bool {
	if c.mine[id] || c.g.broken[id] {
		return true
	}
	if v, ok := c.reach[id]; ok {
		return v
	}
	c.reach[id] = false
	v := false
	for _, ip := range c.g.pkgs[id].Imports {
		v = c.needsSource(ip.ID) || v
	}
	c.reach[id] = v
	return v
}

// typesOf returns the types of the package id for an importer, and
// whether they are ill-typed.
func (c *unitCheck) typesOf(id string) (*types.Package, bool, error) {
	if c.g.pkgs[id].PkgPath == "unsafe" {
		return types.Unsafe, false, nil
	}
	if c.needsSource(id) {
		p := c.source(id)
		return p.Types, p.IllTyped, nil
	}
	c.gen.mu.Lock()
	defer c.gen.mu.Unlock()
	t, err := c.export(id)
	return t, err != nil, err
}

// export returns the package id read from its export data, reading it
// if no unit has yet. c.gen.mu is held.
func (c *unitCheck) export(id string) (*types.Package, error) {
	e := c.cached(id)
	if !e.read {
		e.read = true
		e.err = c.read(c.g.pkgs[id], e)
	}
	if e.err != nil {
		return nil, e.err
	}
	return e.types, nil
}

// cached returns the generation's entry for the package id, made with an
// empty package if it has none. As in go/packages, every package that
// export data mentions exists before the data is read, so that reading a
// package fills in the objects of its dependencies that it refers to, and
// reading a dependency later completes the same package: only the direct
// imports of the packages checked from source are read in full.
// c.gen.mu is held.
func (c *unitCheck) cached(id string) *exported {
	e := c.gen.pkgs[id]
	if e == nil {
		p := c.g.pkgs[id]
		e = &exported{types: types.NewPackage(p.PkgPath, p.Name)}
		if p.PkgPath == "unsafe" {
			e.types, e.read = types.Unsafe, true
		}
		c.gen.pkgs[id] = e
	}
	return e
}

// read reads the export data of p into e, against a view of the cache
// that holds every package p depends on.
func (c *unitCheck) read(p *packages.Package, e *exported) error {
	if p.ExportFile == "" {
		return errors.New("no export data file")
	}
	f, err := os.Open(p.ExportFile)
	if err != nil {
		return err
	}
	defer f.Close()
	r, err := gcexportdata.NewReader(f)
	if err != nil {
		return fmt.Errorf("reading %s: %v", p.ExportFile, err)
	}
	// The file is an archive with the compiled code; count only the
	// export data that becomes types.
	if lr, ok := r.(*io.LimitedReader); ok {
		c.gen.bytes += lr.N
	}
	view := map[string]*types.Package{p.PkgPath: e.types}
	seen := map[string]bool{}
	var visit func(imports map[string]*packages.Package)
	visit = func(imports map[string]*packages.Package) {
		for _, ip := range imports {
			if !seen[ip.ID] {
				seen[ip.ID] = true
				view[ip.PkgPath] = c.cached(ip.ID).types
				visit(ip.Imports)
			}
		}
	}
	visit(p.Imports)
	// Read fills in and completes view[p.PkgPath], e.types.
	if _, err := gcexportdata.Read(r, c.gen.fset, view, p.PkgPath); err != nil {
		return fmt.Errorf("reading %s: %v", p.ExportFile, err)
	}
	return nil
}

// source type-checks the package id from source, as go/packages'
// loadPackage does, and returns a copy of its metadata that holds the
// result.
func (c *unitCheck) source(id string) *packages.Package {
	if p := c.src[id]; p != nil {
		return p
	}
	meta := c.g.pkgs[id]
	p := new(packages.Package)
	*p = *meta
	p.Errors = slices.Clone(meta.Errors)
	p.Fset = c.gen.fset
	p.Types = types.NewPackage(p.PkgPath, p.Name)
	c.src[id] = p

	appendError := func(err error) {
		switch err := err.(type) {
		case packages.Error:
			p.Errors = append(p.Errors, err)
		case *os.PathError:
			p.Errors = append(p.Errors, packages.Error{Pos: err.Path + ":1", Msg: err.Err.Error(), Kind: packages.ParseError})
		case scanner.ErrorList:
			for _, e := range err {
				p.Errors = append(p.Errors, packages.Error{Pos: e.Pos.String(), Msg: e.Msg, Kind: packages.ParseError})
			}
		case types.Error:
			p.TypeErrors = append(p.TypeErrors, err)
			p.Errors = append(p.Errors, packages.Error{Pos: err.Fset.Position(err.Pos).String(), Msg: err.Msg, Kind: packages.TypeError})
		default:
			p.Errors = append(p.Errors, packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.UnknownError})
		}
	}

	if len(p.CompiledGoFiles) == 0 && p.ExportFile != "" {
		appendError(packages.Error{Pos: "-", Msg: fmt.Sprintf("sources missing for package %s", p.ID), Kind: packages.ParseError})
		c.gen.mu.Lock()
		if t, err := c.export(id); err == nil {
			p.Types = t
		}
		c.gen.mu.Unlock()
		p.IllTyped = true
		return p
	}

	for _, name := range p.CompiledGoFiles {
		src, err := os.ReadFile(name)
		if err != nil {
			appendError(err)
			continue
		}
		// Object resolution stays on: go/packages promises it.
		f, err := parser.ParseFile(p.Fset, name, src, parser.AllErrors|parser.ParseComments)
		if f != nil {
			p.Syntax = append(p.Syntax, f)
		}
		if err != nil {
			appendError(err)
		}
	}

	p.TypesInfo = &types.Info{
		Types:        map[ast.Expr]types.TypeAndValue{},
		Defs:         map[*ast.Ident]types.Object{},
		Uses:         map[*ast.Ident]types.Object{},
		Implicits:    map[ast.Node]types.Object{},
		Instances:    map[*ast.Ident]types.Instance{},
		Scopes:       map[ast.Node]*types.Scope{},
		Selections:   map[*ast.SelectorExpr]*types.Selection{},
		FileVersions: map[*ast.File]string{},
	}
	tc := &types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			if path == "unsafe" {
				return types.Unsafe, nil
			}
			ip := meta.Imports[path]
			if ip == nil {
				return nil, fmt.Errorf("no metadata for %s", path)
			}
			t, _, err := c.typesOf(ip.ID)
			return t, err
		}),
		// Function bodies matter only in the packages the patterns named.
		IgnoreFuncBodies: !c.g.roots[id],
		Error:            appendError,
		Sizes:            p.TypesSizes,
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		tc.GoVersion = "go" + p.Module.GoVersion
	}
	typErr := types.NewChecker(tc, p.Fset, p.Types, p.TypesInfo).Files(p.Syntax)
	if typErr != nil && len(p.Errors) == 0 {
		appendError(typErr)
	}
	p.IllTyped = len(p.Errors) > 0
	for _, ip := range meta.Imports {
		if _, ill, _ := c.typesOf(ip.ID); ill {
			p.IllTyped = true
		}
	}
	if p.IllTyped && len(p.Errors) == 0 {
		// Say why, as go build does: the error that breaks the
		// dependency, not only that there is one.
		if d, ok := c.rootError(id, map[string]bool{}); ok {
			c.cause[id] = d
			p.Errors = append(p.Errors, packages.Error{Pos: d.err.Pos, Kind: d.err.Kind,
				Msg: fmt.Sprintf("%s (in %s, a dependency of %s)", d.err.Msg, d.path, p.PkgPath)})
		}
	}
	return p
}

// rootError finds, among the dependencies of the package id, in the order
// of their paths, the first that is ill-typed by an error of its own, and
// returns that error.
func (c *unitCheck) rootError(id string, seen map[string]bool) (depError, bool) {
	imports := slices.SortedFunc(maps.Values(c.g.pkgs[id].Imports), func(a, b *packages.Package) int {
		return strings.Compare(a.PkgPath, b.PkgPath)
	})
	for _, ip := range imports {
		if seen[ip.ID] {
			continue
		}
		seen[ip.ID] = true
		if _, ill, err := c.typesOf(ip.ID); !ill {
			continue
		} else if !c.needsSource(ip.ID) {
			return depError{ip.PkgPath, packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.UnknownError}}, true
		}
		if d, ok := c.cause[ip.ID]; ok {
			return d, true
		}
		if q := c.source(ip.ID); len(q.Errors) > 0 {
			// The first error with a position: go list's own, first,
			// is the compiler's output in one message ("# path\n…").
			i := max(0, slices.IndexFunc(q.Errors, func(e packages.Error) bool { return e.Pos != "" && e.Pos != "-" }))
			return depError{q.PkgPath, q.Errors[i]}, true
		}
		if d, ok := c.rootError(ip.ID, seen); ok {
			return d, true
		}
	}
	return depError{}, false
}
