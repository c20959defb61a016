package rewrite

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"fmt"
	"go/parser"
	"go/token"
	"go/types"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sync/atomic"

	"golang.org/x/tools/go/packages"
)

// The list cache keeps the go command's answer to the metadata query of a
// dry run (go list -deps -export -compiled, metaMode) for the next run of
// the same arguments, when the result cache misses because files changed
// only inside the bodies of the packages the run checks from source: the
// pre-commit hook on the files a commit changed. That query costs the go
// command most of such a run (it hashes every dependency to find its
// export data), and its answer depends on the checked packages' files only
// through their headers: the package clause, the build constraints, the
// imports and the //go: directives. Their bodies are type-checked from
// source anyway.
//
// An entry holds the answer and, for every build file of the source trees
// (those the result cache hashes), its contents' hash and its header's. A
// run takes the entry when the two trees differ only in the contents of
// .go files whose headers did not change, each of which belongs only to
// packages that the run checks from source and that no other package of
// the answer imports (its export data would be stale) but its own test
// variants, which are checked with it, and none of which uses cgo (the
// files cgo generates from it are in the answer). Any other difference (a
// file added, removed or renamed, a go.mod, an assembly file, a header, a
// dependency's body), an entry whose export data the build cache has lost,
// or an answer with errors, asks the go command again.

const listCacheVersion = "mapfix list cache 2"

// listHits counts the answers the list cache gave, for tests.
var listHits atomic.Int64

// A listCache is what a run's result cache key computed that the list
// cache needs: the key's inputs other than the trees, and the hash of
// each build file of the trees.
type listCache struct {
	dir    string
	base   string // hash of the binary, go env, options
	goarch string
	files  map[string]string // absolute path → contents' hash, hex
}

type listEntry struct {
	Files   map[string]listFile
	Pkgs    []listPkg
	Roots   []string
	Compile string // compiler and GOARCH whose sizes the packages use
}

type listFile struct {
	Sum    string
	Header string // .go files only
}

// A listPkg is what the engine reads of a packages.Package of metaMode,
// with its imports by ID. (Gob decodes it in a third of the time that
// the package's own JSON form takes, which counts in a run of 0.5 s.)
type listPkg struct {
	ID, Name, PkgPath, Dir, ForTest, ExportFile      string
	GoFiles, CompiledGoFiles, OtherFiles, EmbedFiles []string
	EmbedPatterns, IgnoredFiles                      []string
	Imports                                          map[string]string
	Module                                           *packages.Module
}

// key is the entry's name for a go list of g.
func (c *listCache) key(g group, o *Options) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\n%s\ndir %q\npatterns %q\ntags %q\ntests %v\n", listCacheVersion, c.base, g.dir, g.patterns, o.Tags, o.Tests)
	return "list-" + hex.EncodeToString(h.Sum(nil))
}

// loadMeta answers the metadata query for g, from the list cache when it
// can.
func (o *Options) loadMeta(g group) ([]*packages.Package, error) {
	c := o.listCache
	if c == nil {
		return packages.Load(o.config(metaMode, g.dir), g.patterns...)
	}
	key := c.key(g, o)
	if pkgs, ok := c.get(key); ok {
		return pkgs, nil
	}
	pkgs, err := packages.Load(o.config(metaMode, g.dir), g.patterns...)
	if err == nil {
		c.put(key, pkgs)
	}
	return pkgs, err
}

func (c *listCache) get(key string) ([]*packages.Package, bool) {
	data, err := os.ReadFile(filepath.Join(c.dir, key))
	if err != nil {
		return nil, false
	}
	var e listEntry
	if gob.NewDecoder(bytes.NewReader(data)).Decode(&e) != nil || e.Compile != "gc "+c.goarch || len(e.Files) != len(c.files) {
		return nil, false
	}
	byID := map[string]*packages.Package{}
	sizes := types.SizesFor("gc", c.goarch)
	for _, lp := range e.Pkgs {
		byID[lp.ID] = &packages.Package{
			ID: lp.ID, Name: lp.Name, PkgPath: lp.PkgPath, Dir: lp.Dir, ForTest: lp.ForTest, ExportFile: lp.ExportFile,
			GoFiles: lp.GoFiles, CompiledGoFiles: lp.CompiledGoFiles, OtherFiles: lp.OtherFiles, EmbedFiles: lp.EmbedFiles,
			EmbedPatterns: lp.EmbedPatterns, IgnoredFiles: lp.IgnoredFiles, Module: lp.Module, TypesSizes: sizes,
		}
	}
	for _, lp := range e.Pkgs {
		p := byID[lp.ID]
		if len(lp.Imports) > 0 {
			p.Imports = make(map[string]*packages.Package, len(lp.Imports))
		}
		for path, id := range lp.Imports {
			if p.Imports[path] = byID[id]; p.Imports[path] == nil {
				return nil, false
			}
		}
	}
	for _, p := range byID {
		if p.ExportFile != "" {
			if _, err := os.Stat(p.ExportFile); err != nil {
				return nil, false // trimmed from the build cache
			}
		}
	}
	roots := map[string]bool{}
	for _, id := range e.Roots {
		roots[id] = true
	}
	for name, sum := range c.files {
		old, ok := e.Files[name]
		if !ok {
			return nil, false
		}
		if old.Sum == sum {
			continue
		}
		if filepath.Ext(name) != ".go" || old.Header == "" {
			return nil, false
		}
		if h, err := goHeader(name); err != nil || h != old.Header {
			return nil, false
		}
		if !bodyOnly(name, byID, roots) {
			return nil, false
		}
	}
	var out []*packages.Package
	for _, id := range e.Roots {
		if byID[id] == nil {
			return nil, false
		}
		out = append(out, byID[id])
	}
	touch(filepath.Join(c.dir, key))
	listHits.Add(1)
	return out, true
}

// bodyOnly reports whether a change to the body of the file name leaves
// the answer right: every package that builds it is checked from source
// (a root), uses no cgo, and is imported by nothing but its own test
// variants.
func bodyOnly(name string, byID map[string]*packages.Package, roots map[string]bool) bool {
	owners := map[*packages.Package]bool{}
	for _, p := range byID {
		if slices.Contains(p.GoFiles, name) || slices.Contains(p.CompiledGoFiles, name) {
			if !roots[p.ID] || !slices.Equal(p.GoFiles, p.CompiledGoFiles) {
				return false
			}
			owners[p] = true
		}
	}
	for _, p := range byID {
		for _, imp := range p.Imports {
			if owners[imp] && !(p.ForTest != "" && p.ForTest == base(imp)) && p.PkgPath != base(imp)+".test" {
				return false
			}
		}
	}
	return true
}

// base is the package that p is a variant of.
func base(p *packages.Package) string {
	if p.ForTest != "" {
		return p.ForTest
	}
	return p.PkgPath
}

func (c *listCache) put(key string, pkgs []*packages.Package) {
	e := listEntry{Files: map[string]listFile{}, Compile: "gc " + c.goarch}
	sizes := types.SizesFor("gc", c.goarch)
	ok := true
	seen := map[*packages.Package]bool{}
	var visit func(p *packages.Package)
	visit = func(p *packages.Package) {
		if seen[p] || !ok {
			return
		}
		seen[p] = true
		// An answer with errors may be a passing failure (a proxy that
		// did not answer); sizes other than gc's would not come back.
		if len(p.Errors) > 0 || p.TypesSizes != sizes {
			ok = false
			return
		}
		lp := listPkg{
			ID: p.ID, Name: p.Name, PkgPath: p.PkgPath, Dir: p.Dir, ForTest: p.ForTest, ExportFile: p.ExportFile,
			GoFiles: p.GoFiles, CompiledGoFiles: p.CompiledGoFiles, OtherFiles: p.OtherFiles, EmbedFiles: p.EmbedFiles,
			EmbedPatterns: p.EmbedPatterns, IgnoredFiles: p.IgnoredFiles, Module: p.Module, Imports: map[string]string{},
		}
		for path, imp := range p.Imports {
			lp.Imports[path] = imp.ID
		}
		e.Pkgs = append(e.Pkgs, lp)
		for _, path := range slices.Sorted(maps.Keys(p.Imports)) {
			visit(p.Imports[path])
		}
	}
	for _, p := range pkgs {
		e.Roots = append(e.Roots, p.ID)
		visit(p)
	}
	if !ok {
		return
	}
	for name, sum := range c.files {
		f := listFile{Sum: sum}
		if filepath.Ext(name) == ".go" {
			h, err := goHeader(name)
			if err != nil {
				return
			}
			f.Header = h
		}
		e.Files[name] = f
	}
	var buf bytes.Buffer
	if gob.NewEncoder(&buf).Encode(e) != nil {
		return
	}
	writeEntry(c.dir, key, buf.Bytes())
}

// goHeader hashes what of a Go file the go command's metadata depends on:
// the source up to the end of its imports (package clause, build
// constraints, imports, cgo's preamble) and every //go: directive line
// (go:embed). A file whose imports do not parse has none.
func goHeader(name string) (string, error) {
	src, err := os.ReadFile(name)
	if err != nil {
		return "", err
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, src, parser.ImportsOnly|parser.ParseComments)
	if err != nil {
		return "", err
	}
	end := f.Name.End()
	for _, d := range f.Decls {
		end = max(end, d.End())
	}
	h := sha256.New()
	h.Write(src[:fset.Position(end).Offset])
	for line := range bytes.Lines(src) {
		if t := bytes.TrimSpace(line); bytes.HasPrefix(t, []byte("//go:")) {
			h.Write(t)
			h.Write([]byte{'\n'})
		}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
