package nilmap

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"github.com/mapfix/mapfix/rules/internal/astutil"
	"golang.org/x/tools/go/types/typeutil"
)

// A function that makes a map field of its parameter (resp.State =
// make(map[K]V)) says that the field arrives without a map: a make would
// otherwise throw away what the caller put there. A write into that field
// on a path that returns before the make, with nothing on the way that
// makes or checks it, writes into the caller's nil map (nomad's dynamic
// users hook: on a restart Prestart wrote response.State and returned;
// only the first start, further down, made it).
//
// The parameter is not the receiver (a receiver's field may have been
// made by an earlier call, on the path that makes it), and nothing before
// the write, in the order of the source, mentions the field or hands the
// parameter itself to anything (a call that could make the field): only
// other fields of it are used there.

// madeOnOtherPath returns the statement that makes the map field that w
// writes into, when w is such a write.
func (r *run) madeOnOtherPath(w *write) ast.Stmt {
	if len(w.bc) != 2 || w.copy {
		return nil
	}
	p, ok1 := w.bc[0].(*types.Var)
	fld, ok2 := w.bc[1].(*types.Var)
	if !ok1 || !ok2 || !fld.IsField() || !isMapType(fld.Type()) || !isParamOf(w.fn.root, p) {
		return nil
	}
	body := astutil.FuncBody(w.fn.root)
	if body == nil {
		return nil
	}
	var made ast.Stmt
	clean := true // nothing before the write makes, checks or passes on the field
	ast.Inspect(body, func(n ast.Node) bool {
		if made != nil || !clean || n == nil {
			return false
		}
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			if n.Pos() > w.stmt.End() && len(n.Lhs) == len(n.Rhs) {
				for i, l := range n.Lhs {
					if astutil.ChainOf(r.Info, l).Equal(w.bc) && r.madeValue(n.Rhs[i]) {
						made = n
						return false
					}
				}
			}
		case *ast.Ident:
			if n.Pos() < w.stmt.Pos() && r.Info.Uses[n] == p {
				clean = false // p used whole, or p.f mentioned: see SelectorExpr
			}
		case *ast.SelectorExpr:
			if n.Pos() < w.stmt.Pos() {
				if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && r.Info.Uses[id] == p {
					if r.Info.Uses[n.Sel] == fld {
						clean = false
					}
					return false // another field of p: fine
				}
			}
		}
		return true
	})
	if made == nil || !clean || !w.fn.endsBefore(w.stmt, made) {
		return nil
	}
	return made
}

// isParamOf reports whether v is a parameter, not the receiver, of fn.
func isParamOf(fn ast.Node, v *types.Var) bool {
	ft := astutil.FuncType(fn)
	return ft != nil && ft.Params != nil && ft.Params.Pos() <= v.Pos() && v.Pos() < ft.Params.End()
}

// madeValue reports a new map: make(...) or a composite literal.
func (r *run) madeValue(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		return true
	case *ast.CallExpr:
		return astutil.Builtin(r.Info, e) == "make"
	}
	return false
}

// endsBefore reports whether every path through stmt ends (returns or
// panics) before it gets to made, which comes after it in the source:
// going out from stmt, some statement list between it and the node that
// holds both has a return or panic after it, at its own level; and no loop
// is on the way, whose next turn could reach made.
func (f *funcInfo) endsBefore(stmt, made ast.Stmt) bool {
	for n := f.parentOfNode(stmt); n != nil; n = f.parentOfNode(n) {
		if n.Pos() <= made.Pos() && made.End() <= n.End() {
			return false // reached the node that holds both
		}
		switch n.(type) {
		case *ast.ForStmt, *ast.RangeStmt, *ast.FuncLit:
			return false
		}
		if terminatesAfter(astutil.Stmts(n), stmt.End()) {
			return true
		}
	}
	return false
}

// terminatesAfter reports a return statement or a call of panic in list,
// at its own level, after pos.
func terminatesAfter(list []ast.Stmt, pos token.Pos) bool {
	for _, s := range list {
		if s.Pos() < pos {
			continue
		}
		switch s := s.(type) {
		case *ast.ReturnStmt:
			return true
		case *ast.ExprStmt:
			if c, ok := s.X.(*ast.CallExpr); ok {
				if id, ok := c.Fun.(*ast.Ident); ok && id.Name == "panic" {
					return true
				}
			}
		}
	}
	return false
}

// emitMadeLater reports w, which writes into a field that its function
// makes at made, on a path that does not get there.
func (r *run) emitMadeLater(w *write, made ast.Stmt) {
	fld := w.bc[1].(*types.Var)
	msg := fmt.Sprintf("%s may be nil: this function makes it only on another path (%s), and nothing makes or checks it before %s",
		types.ExprString(w.base), r.Where(made.Pos()), act(w))
	r.emitFieldGuard(w, fld, msg, "")
}

// fetched reports whether the local variable v only ever holds a value
// that the function fetched from another package, which sees how it was
// made no better than a parameter does: every assignment of v takes a
// result of a call of another package's function or method (a container's
// Get hands back what the package stored in it: hugo's cascade merge wrote
// into c.Params of a config it got back from an ordered map, whose decoder
// made Params only when the input had params). A call of a function of the
// package does not count: it may be a constructor that fills the field.
func (f *funcInfo) fetched(v *types.Var) bool {
	if f.params[v] || v.Parent() == nil || v.Parent() == f.r.Pkg.Scope() {
		return false
	}
	as := f.assignments(v)
	if len(as) == 0 {
		return false // declared without a value, or by a range: not a result
	}
	for _, n := range as {
		a, ok := n.(*ast.AssignStmt)
		if !ok || len(a.Rhs) != 1 {
			return false
		}
		call, ok := ast.Unparen(a.Rhs[0]).(*ast.CallExpr)
		if !ok {
			return false
		}
		fn := typeutil.StaticCallee(f.r.Info, call)
		if fn == nil || fn.Pkg() == nil || fn.Pkg() == f.r.Pkg {
			return false
		}
	}
	return true
}
