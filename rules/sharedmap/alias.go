package sharedmap

import (
	"go/ast"
	"go/token"
	"go/types"
)

// An alias is what a local copied a map reference from: the expression
// (c.conns) and the location it names.
type alias struct {
	src ast.Expr
	loc *types.Var
}

// findAliases returns the local variables that only ever hold a copy of
// the reference to a map held by a struct field or package variable
// (conns := cc.conns, never assigned again nor addressed), with the
// expression copied. An access through such a variable is an access to
// the field's map: ranging conns after cc.mu.Unlock() races with the
// writers that hold cc.mu as surely as ranging cc.conns does.
func (r *run) findAliases() map[*types.Var]alias {
	defs := map[*types.Var]ast.Expr{}
	reassigned := map[*types.Var]bool{}
	assign := func(e ast.Expr) {
		if id, ok := ast.Unparen(e).(*ast.Ident); ok {
			if v, ok := r.Info.Uses[id].(*types.Var); ok {
				reassigned[v] = true
			}
		}
	}
	for _, f := range r.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for i, l := range n.Lhs {
					id, ok := ast.Unparen(l).(*ast.Ident)
					if v, def := r.Info.Defs[id].(*types.Var); ok && def && len(n.Lhs) == len(n.Rhs) {
						defs[v] = n.Rhs[i]
						continue
					}
					assign(l)
				}
			case *ast.ValueSpec:
				for i, id := range n.Names {
					if v, ok := r.Info.Defs[id].(*types.Var); ok && len(n.Values) == len(n.Names) {
						defs[v] = n.Values[i]
					}
				}
			case *ast.RangeStmt:
				if n.Tok == token.ASSIGN {
					assign(n.Key)
					assign(n.Value)
				}
			case *ast.UnaryExpr:
				if n.Op == token.AND {
					assign(n.X)
				}
			}
			return true
		})
	}
	out := map[*types.Var]alias{}
	for v, e := range defs {
		if reassigned[v] || v.IsField() || v.Parent() == r.Pkg.Scope() {
			continue
		}
		if loc := r.mapLoc(e); loc != nil && (loc.IsField() || loc.Parent() == r.Pkg.Scope()) {
			out[v] = alias{e, loc}
		}
	}
	return out
}

// detaches reports whether fd assigns the map location loc as a whole,
// itself or through what it calls in the package (pending := s.pending;
// s.pending = map[K]V{}): a local copied from it then holds a map that
// nothing else reaches, the usual way to drain a map outside the lock.
func (r *run) detaches(fd *ast.FuncDecl, loc *types.Var) bool {
	if fd == nil {
		return true
	}
	return r.throughCalls(fd, func(g *ast.FuncDecl) bool { return r.wholeAssigns(g)[loc] }, map[*ast.FuncDecl]bool{}, 0)
}

// wholeAssigns returns the map locations that fd's body assigns as a whole
// (s.m = ..., m = ...).
func (r *run) wholeAssigns(fd *ast.FuncDecl) map[*types.Var]bool {
	if m, ok := r.assignedLocs[fd]; ok {
		return m
	}
	m := map[*types.Var]bool{}
	r.assignedLocs[fd] = m
	if fd.Body == nil {
		return m
	}
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok {
			for _, l := range as.Lhs {
				if loc := r.mapLoc(l); loc != nil {
					m[loc] = true
				}
			}
		}
		return true
	})
	return m
}
