package growth

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/mapfix/mapfix/rules/internal/astutil"
)

// smallLimit is the most distinct keys a map may reach and still count as
// bounded by its key type.
const smallLimit = 1 << 16

// smallKey reports whether the keys of a map of key type t, inserted with
// the key expression k, can take only a few values.
func (r *run) smallKey(t types.Type, k ast.Expr) bool {
	if types.IsInterface(t) {
		if kt := r.Info.TypeOf(k); kt != nil && !types.IsInterface(kt) {
			t = kt
		}
	}
	return r.card(t, 0) <= smallLimit
}

// card returns how many values a key of type t can take, capped a little
// above smallLimit.
func (r *run) card(t types.Type, depth int) int {
	const many = smallLimit + 1
	if depth > 4 {
		return many
	}
	t = types.Unalias(t)
	if n, ok := t.(*types.Named); ok {
		obj := n.Obj()
		if obj.Pkg() != nil && obj.Pkg().Path() == "reflect" && obj.Name() == "Type" {
			return 1 // the types of the program: a fixed set
		}
		if b, ok := n.Underlying().(*types.Basic); ok && b.Info()&types.IsInteger != 0 {
			if c := enumSize(n); c > 0 {
				return min(c, many)
			}
		}
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		switch u.Kind() {
		case types.Bool, types.UntypedBool:
			return 2
		case types.Int8, types.Uint8:
			return 256
		case types.Int16, types.Uint16:
			return 1 << 16
		}
	case *types.Array:
		c := r.card(u.Elem(), depth+1)
		n := 1
		for range u.Len() {
			n *= c
			if n > smallLimit {
				return many
			}
		}
		return n
	case *types.Struct:
		n := 1
		for i := range u.NumFields() {
			n *= r.card(u.Field(i).Type(), depth+1)
			if n > smallLimit {
				return many
			}
		}
		return n
	}
	return many
}

// enumSize returns how many constants of type n its package declares.
func enumSize(n *types.Named) int {
	pkg := n.Obj().Pkg()
	if pkg == nil {
		return 0
	}
	count := 0
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		if c, ok := scope.Lookup(name).(*types.Const); ok && types.Identical(c.Type(), n) {
			count++
		}
	}
	return count
}

// updatesExisting reports whether the insert at idx only runs when a map
// (this one, or another that lists the keys allowed) already holds the
// key: under if _, ok := m[k]; ok { … } or if allowed[k] { … }, or after
// if !ok { return } for such an ok, in the same function.
func (r *run) updatesExisting(idx *ast.IndexExpr, stack []ast.Node) bool {
	keyText := types.ExprString(idx.Index)
	// member reports a bool map indexed with the key: allowed[k].
	member := func(e ast.Expr) bool {
		ix, ok := ast.Unparen(e).(*ast.IndexExpr)
		if !ok || types.ExprString(ix.Index) != keyText {
			return false
		}
		_, isMap := astutil.CoreType(r.Info.TypeOf(ix.X)).(*types.Map)
		return isMap
	}
	var fn ast.Node
	for i := len(stack) - 1; i >= 0; i-- {
		switch stack[i].(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			fn = stack[i]
		}
		if fn != nil {
			break
		}
	}
	if fn == nil && len(stack) > 0 {
		fn = stack[0] // the body of the function walked
	}
	if fn == nil {
		return false
	}
	// lookup reports whether ok is the second result of m[k] for this map
	// and key.
	lookup := func(ok *types.Var) bool {
		if ok == nil {
			return true // a bool map indexed with the key
		}
		found := false
		ast.Inspect(fn, func(n ast.Node) bool {
			as, isAssign := n.(*ast.AssignStmt)
			if found || !isAssign || len(as.Lhs) != 2 || len(as.Rhs) != 1 {
				return !found
			}
			id, isIdent := as.Lhs[1].(*ast.Ident)
			ix, isIndex := ast.Unparen(as.Rhs[0]).(*ast.IndexExpr)
			if isIdent && isIndex && r.Info.ObjectOf(id) == ok && types.ExprString(ix.Index) == keyText {
				found = true
			}
			return !found
		})
		return found
	}
	// okIn returns the ok variables that cond requires to be true (or
	// false, when negated).
	var okIn func(cond ast.Expr, negated bool) []*types.Var
	okIn = func(cond ast.Expr, negated bool) []*types.Var {
		if !negated && member(cond) {
			return []*types.Var{nil} // allowed[k]: no variable to look up
		}
		switch c := ast.Unparen(cond).(type) {
		case *ast.Ident:
			if !negated {
				if v, ok := r.Info.ObjectOf(c).(*types.Var); ok {
					return []*types.Var{v}
				}
			}
		case *ast.UnaryExpr:
			if c.Op == token.NOT {
				return okIn(c.X, !negated)
			}
		case *ast.BinaryExpr:
			if c.Op == token.LAND && !negated || c.Op == token.LOR && negated {
				return append(okIn(c.X, negated), okIn(c.Y, negated)...)
			}
		}
		return nil
	}
	for i := len(stack) - 2; i >= 0; i-- {
		child := stack[i+1]
		switch n := stack[i].(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return false
		case *ast.IfStmt:
			if child == n.Body {
				for _, v := range okIn(n.Cond, false) {
					if lookup(v) {
						return true
					}
				}
			}
		case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
			var list []ast.Stmt
			switch n := n.(type) {
			case *ast.BlockStmt:
				list = n.List
			case *ast.CaseClause:
				list = n.Body
			case *ast.CommClause:
				list = n.Body
			}
			for _, s := range list {
				if s == child {
					break
				}
				ifs, ok := s.(*ast.IfStmt)
				if !ok || ifs.Else != nil || !leaves(ifs.Body) {
					continue
				}
				// if !ok { return }: past it, ok holds.
				for _, v := range okIn(ifs.Cond, true) {
					if lookup(v) {
						return true
					}
				}
			}
		}
	}
	return false
}

// leaves reports whether a block always leaves: its last statement
// returns, branches or panics.
func leaves(b *ast.BlockStmt) bool {
	if len(b.List) == 0 {
		return false
	}
	switch s := b.List[len(b.List)-1].(type) {
	case *ast.ReturnStmt, *ast.BranchStmt:
		return true
	case *ast.ExprStmt:
		if c, ok := s.X.(*ast.CallExpr); ok {
			if id, ok := ast.Unparen(c.Fun).(*ast.Ident); ok && id.Name == "panic" {
				return true
			}
		}
	}
	return false
}

// constantKeys reports whether the insert at idx only runs for a few
// constant keys: in a case of switch k whose values are constants, or under
// if k == c1 || k == c2.
func (r *run) constantKeys(idx *ast.IndexExpr, stack []ast.Node) bool {
	key := types.ExprString(ast.Unparen(idx.Index))
	isConst := func(e ast.Expr) bool {
		tv, ok := r.Info.Types[e]
		return ok && tv.Value != nil
	}
	var eqConst func(cond ast.Expr) bool
	eqConst = func(cond ast.Expr) bool {
		c, ok := ast.Unparen(cond).(*ast.BinaryExpr)
		if !ok {
			return false
		}
		switch c.Op {
		case token.LOR:
			return eqConst(c.X) && eqConst(c.Y)
		case token.LAND:
			return eqConst(c.X) || eqConst(c.Y)
		case token.EQL:
			return types.ExprString(ast.Unparen(c.X)) == key && isConst(c.Y) ||
				types.ExprString(ast.Unparen(c.Y)) == key && isConst(c.X)
		}
		return false
	}
	for i := len(stack) - 2; i >= 0; i-- {
		child := stack[i+1]
		switch n := stack[i].(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return false
		case *ast.IfStmt:
			if child == n.Body && eqConst(n.Cond) {
				return true
			}
		case *ast.CaseClause:
			if len(n.List) == 0 || i < 2 {
				continue
			}
			sw, ok := stack[i-2].(*ast.SwitchStmt)
			if !ok || sw.Tag == nil || types.ExprString(ast.Unparen(sw.Tag)) != key {
				continue
			}
			all := true
			for _, e := range n.List {
				all = all && isConst(e)
			}
			if all {
				return true
			}
		}
	}
	return false
}
