package rewrite

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/packages"
)

// typecheck type-checks p with the files in changed replaced by their new
// source, and returns the errors located in those files.
//
// Function bodies of the other files cannot affect the changed files, so
// they are left out; the check then costs about as much as the changed
// files, not the package. Errors this causes elsewhere (a missing return,
// an unused import) are outside the changed files and ignored.
func typecheck(p *packages.Package, changed map[string][]byte) []error {
	fset := p.Fset
	var files []*ast.File
	inChanged := map[*token.File]bool{}
	for _, f := range p.Syntax {
		name := fset.File(f.FileStart).Name()
		src, ok := changed[name]
		if !ok {
			files = append(files, withoutBodies(f))
			continue
		}
		nf, err := parser.ParseFile(fset, name, src, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return []error{err}
		}
		inChanged[fset.File(nf.FileStart)] = true
		files = append(files, nf)
	}

	imported := map[string]*types.Package{}
	for _, f := range p.Syntax {
		for _, spec := range f.Imports {
			if pn := p.TypesInfo.PkgNameOf(spec); pn != nil {
				imported[importPath(spec)] = pn.Imported()
			}
		}
	}
	var errs []error
	conf := types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			if pkg := imported[path]; pkg != nil {
				return pkg, nil
			}
			// A fix added this import: find its export data as go build would.
			return importer.Default().Import(path)
		}),
		Sizes: p.TypesSizes,
		Error: func(err error) {
			if te, ok := err.(types.Error); ok && !inChanged[fset.File(te.Pos)] {
				return
			}
			errs = append(errs, err)
		},
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		conf.GoVersion = "go" + p.Module.GoVersion
	}
	conf.Check(p.PkgPath, fset, files, nil)
	return errs
}

// withoutBodies returns a shallow copy of f whose functions have empty bodies.
func withoutBodies(f *ast.File) *ast.File {
	c := *f
	c.Decls = make([]ast.Decl, len(f.Decls))
	for i, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
			fdc := *fd
			fdc.Body = &ast.BlockStmt{Lbrace: fd.Body.Lbrace, Rbrace: fd.Body.Rbrace}
			d = &fdc
		}
		c.Decls[i] = d
	}
	return &c
}

func importPath(spec *ast.ImportSpec) string {
	s, _ := strconv.Unquote(spec.Path.Value)
	return s
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }
