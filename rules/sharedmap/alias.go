package sharedmap

import (
	"go/ast"
	"go/token"
	"go/types"
)

// findAliases returns the local variables that only ever hold a copy of
// the reference to a map held by a struct field or package variable
// (conns := cc.conns, never assigned again nor addressed), with the
// expression copied. An access through such a variable is an access to
// the field's map: ranging conns after cc.mu.Unlock() races with the
// writers that hold cc.mu as surely as ranging cc.conns does.
func (r *run) findAliases() map[*types.Var]ast.Expr {
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
	out := map[*types.Var]ast.Expr{}
	for v, e := range defs {
		if reassigned[v] || v.IsField() || v.Parent() == r.Pkg.Scope() {
			continue
		}
		if loc := r.mapLoc(e); loc != nil && (loc.IsField() || loc.Parent() == r.Pkg.Scope()) {
			out[v] = e
		}
	}
	return out
}

// detaches reports whether fd assigns the map location that src names as
// a whole, itself or through what it calls in the package (pending :=
// s.pending; s.pending = map[K]V{}): the local then holds a map that
// nothing else reaches, the usual way to drain a map outside the lock.
func (r *run) detaches(fd *ast.FuncDecl, src ast.Expr) bool {
	if fd == nil {
		return true
	}
	return r.assigns(fd, r.mapLoc(src), map[*ast.FuncDecl]bool{})
}

func (r *run) assigns(fd *ast.FuncDecl, loc *types.Var, seen map[*ast.FuncDecl]bool) bool {
	if fd.Body == nil || seen[fd] {
		return false
	}
	seen[fd] = true
	found := false
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				if r.mapLoc(l) == loc {
					found = true
				}
			}
		case *ast.CallExpr:
			if g := r.callee(n); g != nil && r.assigns(g, loc, seen) {
				found = true
			}
		}
		return !found
	})
	return found
}
