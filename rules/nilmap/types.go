package nilmap

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"go/version"
	"path"
	"strconv"

	"github.com/dave/dst"
	"github.com/mapfix/mapfix/rules"
	"github.com/mapfix/mapfix/rules/internal/astutil"
)

// namer writes a types.Type as a type expression that means that type at
// one position of one file: named types by their names, types of other
// packages through the file's import (or one to add), and the predeclared
// names only where nothing shadows them.
type namer struct {
	r     *run
	file  *ast.File
	scope *types.Scope
	pos   token.Pos
}

// plan says, for each package a type expression needs, how the file
// names it.
type plan map[string]qual

type qual struct {
	name string
	add  bool // the file does not import it yet; the fix adds the import
}

func (r *run) namer(file *ast.File, pos token.Pos) *namer {
	scope := r.Pkg.Scope().Innermost(pos)
	if scope == nil {
		scope = r.Info.Scopes[file]
	}
	return &namer{r: r, file: file, scope: scope, pos: pos}
}

// check reports why t cannot be written here, or records in plan how to
// name the packages it needs.
func (n *namer) check(t types.Type, plan plan) error {
	_, err := n.write(t, func(pkg *types.Package) (string, error) {
		q, err := n.qualify(pkg)
		if err != nil {
			return "", err
		}
		plan[pkg.Path()] = q
		return q.name, nil
	})
	return err
}

// expr writes t into the fixed file, adding the imports that plan says
// are missing.
func (n *namer) expr(t types.Type, plan plan, ctx *rules.FixContext) (dst.Expr, error) {
	return n.write(t, func(pkg *types.Package) (string, error) {
		q, ok := plan[pkg.Path()]
		if !ok {
			return "", fmt.Errorf("no name for package %s", pkg.Path())
		}
		if q.add {
			return ctx.Import(pkg.Path()), nil
		}
		return q.name, nil
	})
}

// builtins says why the fix cannot use nil and make here, if it cannot.
func (n *namer) builtins() string {
	for _, name := range []string{"nil", "make"} {
		if !astutil.IsUniverse(n.scope, n.pos, name) {
			return name + " is redefined here"
		}
	}
	return ""
}

func (n *namer) qualify(pkg *types.Package) (qual, error) {
	for _, spec := range n.file.Imports {
		if p, _ := strconv.Unquote(spec.Path.Value); p != pkg.Path() {
			continue
		}
		pn := n.r.Info.PkgNameOf(spec)
		if pn == nil || pn.Name() == "_" || pn.Name() == "." {
			continue
		}
		if _, obj := n.scope.LookupParent(pn.Name(), n.pos); obj == pn {
			return qual{name: pn.Name()}, nil
		}
		return qual{}, fmt.Errorf("the import name %s is shadowed", pn.Name())
	}
	// ctx.Import names a new import after the last element of its path.
	name := pkg.Name()
	if name != path.Base(pkg.Path()) || !token.IsIdentifier(name) {
		return qual{}, fmt.Errorf("the file does not import %s", pkg.Path())
	}
	if _, obj := n.scope.LookupParent(name, n.pos); obj != nil {
		return qual{}, fmt.Errorf("importing %s would clash with %s", pkg.Path(), name)
	}
	return qual{name: name, add: true}, nil
}

func (n *namer) write(t types.Type, q func(*types.Package) (string, error)) (dst.Expr, error) {
	switch t := t.(type) {
	case *types.Alias:
		if e, err := n.named(t.Obj(), t.TypeArgs(), q); err == nil {
			return e, nil
		}
		return n.write(types.Unalias(t), q)
	case *types.Named:
		return n.named(t.Obj(), t.TypeArgs(), q)
	case *types.TypeParam:
		if _, obj := n.scope.LookupParent(t.Obj().Name(), n.pos); obj == t.Obj() {
			return dst.NewIdent(t.Obj().Name()), nil
		}
	case *types.Basic:
		if t.Kind() == types.UnsafePointer || t.Kind() == types.Invalid || t.Info()&types.IsUntyped != 0 {
			break
		}
		if astutil.IsUniverse(n.scope, n.pos, t.Name()) {
			return dst.NewIdent(t.Name()), nil
		}
	case *types.Map:
		k, err := n.write(t.Key(), q)
		if err != nil {
			return nil, err
		}
		v, err := n.write(t.Elem(), q)
		if err != nil {
			return nil, err
		}
		return &dst.MapType{Key: k, Value: v}, nil
	case *types.Slice:
		e, err := n.write(t.Elem(), q)
		if err != nil {
			return nil, err
		}
		return &dst.ArrayType{Elt: e}, nil
	case *types.Array:
		e, err := n.write(t.Elem(), q)
		if err != nil {
			return nil, err
		}
		return &dst.ArrayType{Len: &dst.BasicLit{Kind: token.INT, Value: strconv.FormatInt(t.Len(), 10)}, Elt: e}, nil
	case *types.Pointer:
		e, err := n.write(t.Elem(), q)
		if err != nil {
			return nil, err
		}
		return &dst.StarExpr{X: e}, nil
	case *types.Chan:
		if _, ok := t.Elem().Underlying().(*types.Chan); ok {
			break // chan (<-chan T) needs parentheses: rare enough to leave
		}
		e, err := n.write(t.Elem(), q)
		if err != nil {
			return nil, err
		}
		dir := dst.SEND | dst.RECV
		switch t.Dir() {
		case types.SendOnly:
			dir = dst.SEND
		case types.RecvOnly:
			dir = dst.RECV
		}
		return &dst.ChanType{Dir: dir, Value: e}, nil
	case *types.Struct:
		fl := &dst.FieldList{Opening: true, Closing: true}
		for i := range t.NumFields() {
			f := t.Field(i)
			if !f.Exported() && f.Pkg() != n.r.Pkg {
				return nil, fmt.Errorf("%s has an unexported field of another package", t)
			}
			ft, err := n.write(f.Type(), q)
			if err != nil {
				return nil, err
			}
			field := &dst.Field{Type: ft}
			if !f.Embedded() {
				field.Names = []*dst.Ident{dst.NewIdent(f.Name())}
			}
			if tag := t.Tag(i); tag != "" {
				lit := strconv.Quote(tag)
				if strconv.CanBackquote(tag) {
					lit = "`" + tag + "`"
				}
				field.Tag = &dst.BasicLit{Kind: token.STRING, Value: lit}
			}
			fl.List = append(fl.List, field)
		}
		return &dst.StructType{Fields: fl}, nil
	case *types.Interface:
		if !t.Empty() {
			break
		}
		v := n.r.Info.FileVersions[n.file]
		if astutil.IsUniverse(n.scope, n.pos, "any") && (v == "" || version.Compare(v, "go1.18") >= 0) {
			return dst.NewIdent("any"), nil
		}
		return &dst.InterfaceType{Methods: &dst.FieldList{Opening: true, Closing: true}}, nil
	case *types.Signature:
		if t.TypeParams().Len() > 0 || t.Recv() != nil {
			break
		}
		params, err := n.tuple(t.Params(), t.Variadic(), q)
		if err != nil {
			return nil, err
		}
		results, err := n.tuple(t.Results(), false, q)
		if err != nil {
			return nil, err
		}
		switch len(results.List) {
		case 0:
			results = nil
		case 1:
			results.Opening, results.Closing = false, false
		}
		return &dst.FuncType{Func: true, Params: params, Results: results}, nil
	}
	return nil, fmt.Errorf("cannot write %s here", t)
}

func (n *namer) tuple(t *types.Tuple, variadic bool, q func(*types.Package) (string, error)) (*dst.FieldList, error) {
	fl := &dst.FieldList{Opening: true, Closing: true}
	for i := range t.Len() {
		typ := t.At(i).Type()
		last := variadic && i == t.Len()-1
		if last {
			if s, ok := typ.(*types.Slice); ok {
				typ = s.Elem()
			}
		}
		e, err := n.write(typ, q)
		if err != nil {
			return nil, err
		}
		if last {
			e = &dst.Ellipsis{Elt: e}
		}
		fl.List = append(fl.List, &dst.Field{Type: e})
	}
	return fl, nil
}

func (n *namer) named(obj *types.TypeName, targs *types.TypeList, q func(*types.Package) (string, error)) (dst.Expr, error) {
	var base dst.Expr
	switch {
	case obj.Pkg() == nil:
		if !astutil.IsUniverse(n.scope, n.pos, obj.Name()) {
			return nil, fmt.Errorf("%s is redefined here", obj.Name())
		}
		base = dst.NewIdent(obj.Name())
	case obj.Pkg() == n.r.Pkg:
		if _, o := n.scope.LookupParent(obj.Name(), n.pos); o != obj {
			return nil, fmt.Errorf("the type %s is not visible here", obj.Name())
		}
		base = dst.NewIdent(obj.Name())
	default:
		if !obj.Exported() {
			return nil, fmt.Errorf("%s.%s is not exported", obj.Pkg().Name(), obj.Name())
		}
		name, err := q(obj.Pkg())
		if err != nil {
			return nil, err
		}
		base = &dst.SelectorExpr{X: dst.NewIdent(name), Sel: dst.NewIdent(obj.Name())}
	}
	if targs == nil || targs.Len() == 0 {
		return base, nil
	}
	var args []dst.Expr
	for i := range targs.Len() {
		a, err := n.write(targs.At(i), q)
		if err != nil {
			return nil, err
		}
		args = append(args, a)
	}
	if len(args) == 1 {
		return &dst.IndexExpr{X: base, Index: args[0]}, nil
	}
	return &dst.IndexListExpr{X: base, Indices: args}, nil
}
