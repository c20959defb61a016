package nilmap

import (
	"errors"
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"github.com/dave/dst"
	"github.com/mapfix/mapfix/rules"
	"github.com/mapfix/mapfix/rules/internal/astutil"
)

// The fixes of nilmap. Each finds its nodes through ctx.Node, and the
// statement it inserts next to by pointer, so that several fixes can edit
// the same block in any order; each finds everything before it edits.

var errNmMissing = errors.New("a node of the finding is not in the file")

// exprFn builds an expression in the fixed file.
type exprFn func(ctx *rules.FixContext) (dst.Expr, error)

// cloneExpr copies an expression of the file, without its comments.
func cloneExpr(e ast.Expr) exprFn {
	return func(ctx *rules.FixContext) (dst.Expr, error) {
		d, ok := ctx.Node(e).(dst.Expr)
		if !ok {
			return nil, errNmMissing
		}
		return astutil.CleanClone(d).(dst.Expr), nil
	}
}

func identExpr(name string) exprFn {
	return func(*rules.FixContext) (dst.Expr, error) { return dst.NewIdent(name), nil }
}

func makeOf(t dst.Expr) dst.Expr {
	return &dst.CallExpr{Fun: dst.NewIdent("make"), Args: []dst.Expr{t}}
}

func assign(lhs, rhs dst.Expr) *dst.AssignStmt {
	s := &dst.AssignStmt{Lhs: []dst.Expr{lhs}, Tok: token.ASSIGN, Rhs: []dst.Expr{rhs}}
	s.Decs.Before, s.Decs.After = dst.NewLine, dst.NewLine
	return s
}

// findStmt returns the statement list of owner and where stmt is in it.
func findStmt(ctx *rules.FixContext, owner ast.Node, stmt ast.Stmt) (*[]dst.Stmt, int, error) {
	if owner == nil || stmt == nil {
		return nil, 0, errNmMissing
	}
	list := astutil.StmtList(ctx.Node(owner))
	ds, _ := ctx.Node(stmt).(dst.Stmt)
	if list == nil || ds == nil {
		return nil, 0, errNmMissing
	}
	i := slices.Index(*list, ds)
	if i < 0 {
		return nil, 0, errNmMissing
	}
	return list, i, nil
}

type guard struct {
	loc ast.Expr   // the map that must not be nil
	typ types.Type // its type
}

// guardFix inserts before stmt, for each guard in order,
//
//	if loc == nil {
//		loc = make(typ)
//	}
//
// The comments above stmt move above the first check, which now starts
// what they describe.
func (r *run) guardFix(n *namer, plan plan, owner ast.Node, stmt ast.Stmt, guards []guard) rules.Fix {
	return func(ctx *rules.FixContext) error {
		list, i, err := findStmt(ctx, owner, stmt)
		if err != nil {
			return err
		}
		var ifs []dst.Stmt
		for _, g := range guards {
			loc, ok := ctx.Node(g.loc).(dst.Expr)
			if !ok {
				return errNmMissing
			}
			typ, err := n.expr(g.typ, plan, ctx)
			if err != nil {
				return err
			}
			s := &dst.IfStmt{
				Cond: &dst.BinaryExpr{X: astutil.CleanClone(loc).(dst.Expr), Op: token.EQL, Y: dst.NewIdent("nil")},
				Body: &dst.BlockStmt{List: []dst.Stmt{assign(astutil.CleanClone(loc).(dst.Expr), makeOf(typ))}},
			}
			s.Decs.Before, s.Decs.After = dst.NewLine, dst.NewLine
			ifs = append(ifs, s)
		}
		if len(ifs) == 0 {
			return errNmMissing
		}
		d, first := (*list)[i].Decorations(), ifs[0].Decorations()
		first.Before, first.Start = d.Before, d.Start
		d.Before, d.Start = dst.NewLine, nil
		*list = slices.Insert(*list, i, ifs...)
		return nil
	}
}

// afterFix inserts lhs = make(typ) right after stmt, and after the
// other such assignments to what stmt declares, so that several fixes
// keep the order of their findings.
func afterFix(owner ast.Node, stmt ast.Stmt, lhs, typ exprFn) rules.Fix {
	names := map[string]bool{}
	switch s := stmt.(type) {
	case *ast.DeclStmt:
		if gd, ok := s.Decl.(*ast.GenDecl); ok {
			for _, sp := range gd.Specs {
				if vs, ok := sp.(*ast.ValueSpec); ok {
					for _, n := range vs.Names {
						names[n.Name] = true
					}
				}
			}
		}
	case *ast.AssignStmt:
		for _, l := range s.Lhs {
			if id, ok := ast.Unparen(l).(*ast.Ident); ok {
				names[id.Name] = true
			}
		}
	}
	return func(ctx *rules.FixContext) error {
		list, i, err := findStmt(ctx, owner, stmt)
		if err != nil {
			return err
		}
		l, err := lhs(ctx)
		if err != nil {
			return err
		}
		t, err := typ(ctx)
		if err != nil {
			return err
		}
		j := i + 1
		for j < len(*list) && makes((*list)[j], names) {
			j++
		}
		s := assign(l, makeOf(t))
		d := (*list)[j-1].Decorations()
		s.Decs.After, d.After = d.After, dst.NewLine
		*list = slices.Insert(*list, j, dst.Stmt(s))
		return nil
	}
}

// makes reports whether s is x = make(...) or x.f = make(...) for an x
// in names.
func makes(s dst.Stmt, names map[string]bool) bool {
	as, ok := s.(*dst.AssignStmt)
	if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
		return false
	}
	call, ok := as.Rhs[0].(*dst.CallExpr)
	if !ok {
		return false
	}
	if id, ok := call.Fun.(*dst.Ident); !ok || id.Name != "make" {
		return false
	}
	e := as.Lhs[0]
	for {
		switch x := e.(type) {
		case *dst.SelectorExpr:
			e = x.X
			continue
		case *dst.Ident:
			return names[x.Name]
		}
		return false
	}
}

// topFix inserts name = make(typ) as the first statement of body.
func topFix(body *ast.BlockStmt, name string, typ ast.Expr) rules.Fix {
	return func(ctx *rules.FixContext) error {
		b, ok := ctx.Node(body).(*dst.BlockStmt)
		if !ok {
			return errNmMissing
		}
		t, err := cloneExpr(typ)(ctx)
		if err != nil {
			return err
		}
		b.List = slices.Insert(b.List, 0, dst.Stmt(assign(dst.NewIdent(name), makeOf(t))))
		return nil
	}
}

// loneVarFix turns var m T into m := make(T), keeping its comments.
func loneVarFix(owner ast.Node, decl *ast.DeclStmt) rules.Fix {
	return func(ctx *rules.FixContext) error {
		list, i, err := findStmt(ctx, owner, decl)
		if err != nil {
			return err
		}
		ds, ok := (*list)[i].(*dst.DeclStmt)
		if !ok {
			return errNmMissing
		}
		gd, ok := ds.Decl.(*dst.GenDecl)
		if !ok || len(gd.Specs) != 1 {
			return errNmMissing
		}
		vs, ok := gd.Specs[0].(*dst.ValueSpec)
		if !ok || len(vs.Names) != 1 || len(vs.Values) != 0 || vs.Type == nil {
			return errNmMissing
		}
		s := &dst.AssignStmt{
			Lhs: []dst.Expr{dst.NewIdent(vs.Names[0].Name)},
			Tok: token.DEFINE,
			Rhs: []dst.Expr{makeOf(astutil.CleanClone(vs.Type).(dst.Expr))},
		}
		s.Decs.Before, s.Decs.After = ds.Decs.Before, ds.Decs.After
		s.Decs.Start = slices.Concat(ds.Decs.Start, gd.Decs.Start, vs.Decs.Start)
		s.Decs.End = slices.Concat(vs.Decs.End, gd.Decs.End, ds.Decs.End)
		(*list)[i] = s
		return nil
	}
}

// litFix adds field: make(typ) to a struct literal.
func litFix(lit *ast.CompositeLit, field string, typ exprFn) rules.Fix {
	return func(ctx *rules.FixContext) error {
		l, ok := ctx.Node(lit).(*dst.CompositeLit)
		if !ok {
			return errNmMissing
		}
		for _, el := range l.Elts {
			if kv, ok := el.(*dst.KeyValueExpr); ok {
				if id, ok := kv.Key.(*dst.Ident); ok && id.Name == field {
					return nil // already there
				}
			}
		}
		t, err := typ(ctx)
		if err != nil {
			return err
		}
		kv := &dst.KeyValueExpr{Key: dst.NewIdent(field), Value: makeOf(t)}
		if n := len(l.Elts); n > 0 {
			last := l.Elts[n-1].Decorations()
			kv.Decs.Before, kv.Decs.After = last.Before, last.After
		}
		l.Elts = append(l.Elts, kv)
		return nil
	}
}

// pkgVarFix turns var m T into var m = make(T).
//
// The spec is found through its declaration: ctx.Node of the spec alone
// can return a copy of it that is not part of the file (the decorator
// follows identifiers to their declarations), and an edit of that copy
// would be lost.
func pkgVarFix(decl *ast.GenDecl, spec *ast.ValueSpec) rules.Fix {
	return func(ctx *rules.FixContext) error {
		if decl == nil || spec == nil {
			return errNmMissing
		}
		gd, ok := ctx.Node(decl).(*dst.GenDecl)
		if !ok {
			return errNmMissing
		}
		vs, ok := ctx.Node(spec).(*dst.ValueSpec)
		if !ok || !slices.Contains(gd.Specs, dst.Spec(vs)) || vs.Type == nil || len(vs.Values) != 0 {
			return errNmMissing
		}
		mk := makeOf(astutil.CleanClone(vs.Type).(dst.Expr))
		mk.Decorations().End = vs.Type.Decorations().End
		vs.Values = []dst.Expr{mk}
		vs.Type = nil
		return nil
	}
}
