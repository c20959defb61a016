package nilmap

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"github.com/mapfix/mapfix/rules/internal/astutil"
)

// A map variable (or named result) that the function assigns on some
// paths only, and writes after the paths join, panics on the paths that
// skip the assignment. The flow analysis does not correlate conditions,
// so the rule reports such a write only when nothing correlates it with
// the assignments:
//
//   - no loop below the declaration holds both the write and an
//     assignment (the iterations may take turns: if i == 0 { m = ... });
//   - the conditions that decide whether the write runs and whether an
//     assignment runs share no variable, field or function. Those of a
//     statement are the headers of the if, switch, case, select, for and
//     range statements around it below the declaration, and those of each
//     earlier statement (below the declaration) that may skip it: one that
//     holds a return, break, continue, goto or a call that does not
//     return. A statement around or before both counts for neither.

type guards struct {
	conds map[ast.Node][]astutil.Chain
	loops map[ast.Node]bool
}

// partialOK reports whether the write w into the variable of origin o,
// which some path has assigned, is not correlated with the assignments.
func (f *funcInfo) partialOK(o *origin, w *write) bool {
	var stop ast.Node
	var after ast.Stmt
	switch o.kind {
	case loneVar, multiVar:
		stop, after = f.owner[o.stmt], o.stmt
	case kindResult:
		stop = o.body
	default:
		return false
	}
	if stop == nil {
		return false
	}
	assigns := f.assignments(o.v)
	if len(assigns) == 0 {
		return false
	}
	gw, ok := f.guardsOf(w.stmt, stop, after)
	if !ok {
		return false
	}
	// An if whose every branch writes into the map decides which write
	// runs, not whether one does (nomad's TaskGroup.Diff: if
	// tg.ShutdownDelay == nil { old[k] = "" } else { old[k] = s }).
	for n := range gw.conds {
		if ifs, ok := n.(*ast.IfStmt); ok && n.Pos() <= w.stmt.Pos() && w.stmt.End() <= n.End() && f.everyBranchWrites(ifs, o.v) {
			delete(gw.conds, n)
		}
	}
	for _, a := range assigns {
		ga, ok := f.guardsOf(a, stop, after)
		if !ok {
			return false
		}
		for l := range gw.loops {
			if ga.loops[l] {
				return false
			}
		}
		for n, cw := range gw.conds {
			if _, common := ga.conds[n]; common {
				continue
			}
			for m, ca := range ga.conds {
				if _, common := gw.conds[m]; common {
					continue
				}
				for _, c := range cw {
					if astutil.OverlapsAny(c, ca) {
						return false
					}
				}
			}
		}
	}
	return true
}

// everyBranchWrites reports whether each branch of the if chain, which
// ends in a plain else, has a statement of its own level that writes into
// the map v (v[k] = x, v[k] op= x, v[k]++).
func (f *funcInfo) everyBranchWrites(ifs *ast.IfStmt, v *types.Var) bool {
	writes := func(b *ast.BlockStmt) bool {
		for _, s := range b.List {
			var lhs []ast.Expr
			switch s := s.(type) {
			case *ast.AssignStmt:
				lhs = s.Lhs
			case *ast.IncDecStmt:
				lhs = []ast.Expr{s.X}
			}
			for _, l := range lhs {
				if ix, ok := ast.Unparen(l).(*ast.IndexExpr); ok {
					if id, ok := ast.Unparen(ix.X).(*ast.Ident); ok && f.r.Info.Uses[id] == v {
						return true
					}
				}
			}
		}
		return false
	}
	for {
		if !writes(ifs.Body) {
			return false
		}
		switch e := ifs.Else.(type) {
		case *ast.BlockStmt:
			return writes(e)
		case *ast.IfStmt:
			ifs = e
		default:
			return false // no else: the condition decides whether
		}
	}
}

// assignments returns the statements of the function that assign v.
func (f *funcInfo) assignments(v *types.Var) []ast.Node {
	var out []ast.Node
	is := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && f.r.Info.ObjectOf(id) == v
	}
	ast.Inspect(f.root, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				if is(l) {
					out = append(out, n)
					break
				}
			}
		case *ast.RangeStmt:
			if n.Tok == token.ASSIGN && (n.Key != nil && is(n.Key) || n.Value != nil && is(n.Value)) {
				out = append(out, n)
			}
		}
		return true
	})
	return out
}

func (f *funcInfo) parentOfNode(n ast.Node) ast.Node {
	if f.parents == nil {
		f.parents = map[ast.Node]ast.Node{}
		var stack []ast.Node
		ast.Inspect(f.root, func(n ast.Node) bool {
			if n == nil {
				stack = stack[:len(stack)-1]
				return true
			}
			if len(stack) > 0 {
				f.parents[n] = stack[len(stack)-1]
			}
			stack = append(stack, n)
			return true
		})
	}
	return f.parents[n]
}

// guardsOf collects the conditions that decide whether n runs, from n up
// to the statement list stop (whose statements before after do not
// count). ok is false when n is not below stop, or in a closure.
func (f *funcInfo) guardsOf(n ast.Node, stop ast.Node, after ast.Stmt) (guards, bool) {
	g := guards{conds: map[ast.Node][]astutil.Chain{}, loops: map[ast.Node]bool{}}
	cur := n
	for cur != stop {
		p := f.parentOfNode(cur)
		if p == nil {
			return g, false
		}
		switch p := p.(type) {
		case *ast.FuncLit:
			return g, false
		case *ast.IfStmt:
			if cur == p.Body || cur == p.Else {
				g.conds[p] = f.atoms(p.Init, p.Cond)
			}
		case *ast.ForStmt:
			if cur == p.Body || cur == p.Post {
				g.loops[p] = true
				g.conds[p] = f.atoms(p.Cond)
			}
		case *ast.RangeStmt:
			if cur == p.Body {
				g.loops[p] = true
				g.conds[p] = f.atoms(p.X)
			}
		case *ast.SwitchStmt:
			if cur == p.Body {
				g.conds[p] = f.atoms(p.Init, p.Tag)
			}
		case *ast.TypeSwitchStmt:
			if cur == p.Body {
				g.conds[p] = f.atoms(p.Init, p.Assign)
			}
		case *ast.CaseClause:
			var ns []ast.Node
			for _, e := range p.List {
				ns = append(ns, e)
			}
			g.conds[p] = f.atoms(ns...)
		case *ast.CommClause:
			g.conds[p] = f.atoms(p.Comm)
		case *ast.SelectStmt:
			g.conds[p] = nil
		}
		if list := astutil.Stmts(p); list != nil {
			started := p != stop || after == nil
			for _, s := range list {
				if s == cur {
					break
				}
				if started && f.mayExit(s) {
					g.conds[s] = f.headerAtoms(s)
				}
				if s == after {
					started = true
				}
			}
		}
		cur = p
	}
	return g, true
}

// mayExit reports whether s may skip the statements after it: it holds
// a return, a branch, or a call that does not return.
func (f *funcInfo) mayExit(s ast.Stmt) bool {
	found := false
	ast.Inspect(s, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt, *ast.BranchStmt:
			found = true
		case *ast.CallExpr:
			if f.r.noReturn(n) {
				found = true
			}
		}
		return !found
	})
	return found
}

// headerAtoms returns the atoms of every condition inside s.
func (f *funcInfo) headerAtoms(s ast.Stmt) []astutil.Chain {
	var ns []ast.Node
	ast.Inspect(s, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.IfStmt:
			ns = append(ns, n.Init, n.Cond)
		case *ast.ForStmt:
			ns = append(ns, n.Cond)
		case *ast.RangeStmt:
			ns = append(ns, n.X)
		case *ast.SwitchStmt:
			ns = append(ns, n.Init, n.Tag)
		case *ast.TypeSwitchStmt:
			ns = append(ns, n.Init, n.Assign)
		case *ast.CaseClause:
			for _, e := range n.List {
				ns = append(ns, e)
			}
		case *ast.CommClause:
			ns = append(ns, n.Comm)
		}
		return true
	})
	return f.atoms(ns...)
}

// atoms returns what the nodes mention: variables and field chains, and
// functions.
func (f *funcInfo) atoms(ns ...ast.Node) []astutil.Chain {
	var out []astutil.Chain
	for _, n := range ns {
		if n == nil {
			continue
		}
		out = append(out, astutil.RefChains(f.r.Info, n)...)
		ast.Inspect(n, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				if fn, ok := f.r.Info.Uses[id].(*types.Func); ok {
					out = append(out, astutil.Chain{fn})
				}
			}
			return true
		})
	}
	return out
}

// A constructor that makes a map field on some paths only (if the caller
// gave entries for it) hands out values without it on the others, and a
// method that writes into the field without a nil check panics on them.
// As for variables, the flow analysis cannot correlate conditions, here
// across functions: the rule reports the write only when the conditions
// that decide whether it runs mention no field of the package (the value
// may keep a flag saying whether the map was made: if s.caching
// { s.cache[k] = v }) and nothing that those deciding whether the
// constructor fills the field mention, other than local variables
// (package variables, functions: if cacheOn() { ... } on both sides).

// fillConds returns the package-level objects, fields and functions
// mentioned by the conditions that decide whether the function assigns
// the field of origin o. ok is false when an assignment is out of reach
// (in a closure).
func (f *funcInfo) fillConds(o *origin) (map[types.Object]bool, bool) {
	want := append(astutil.Chain{o.v}, objs(o.path)...)
	body := astutil.FuncBody(f.root)
	conds := map[types.Object]bool{}
	ok := true
	ast.Inspect(f.root, func(n ast.Node) bool {
		as, isAssign := n.(*ast.AssignStmt)
		if !ok || !isAssign {
			return ok
		}
		for _, l := range as.Lhs {
			if c := astutil.ChainOf(f.r.Info, l); !slices.Equal(c, want) {
				continue
			}
			g, reached := f.guardsOf(as, body, nil)
			if !reached {
				ok = false
				return false
			}
			for _, cs := range g.conds {
				for _, c := range cs {
					for _, obj := range c {
						if !f.isLocal(obj) {
							conds[obj] = true
						}
					}
				}
			}
		}
		return true
	})
	return conds, ok
}

// fieldWriteCorrelated reports whether the conditions that decide whether
// the write w into field fld runs may be tied to whether the constructor
// of site made fld (see fillConds).
func (r *run) fieldWriteCorrelated(w *write, fld *types.Var, s site) bool {
	g, ok := w.fn.guardsOf(w.stmt, w.fn.bodyOf(w.stmt), nil)
	if !ok {
		return true
	}
	for _, cs := range g.conds {
		for _, c := range cs {
			for _, obj := range c {
				if slices.Contains(w.bc, obj) {
					continue // the way to the map itself (s.data.members)
				}
				if v, isVar := obj.(*types.Var); isVar && v.IsField() || s.conds[obj] {
					return true
				}
			}
		}
	}
	return false
}

// bodyOf returns the body of the innermost function literal around n, or
// of the function when there is none: a closure decides for itself
// whether a write of its own runs (hugo's cascade merge ran in the
// buildConfig closure), as a function does.
func (f *funcInfo) bodyOf(n ast.Node) *ast.BlockStmt {
	for p := f.parentOfNode(n); p != nil; p = f.parentOfNode(p) {
		if fl, ok := p.(*ast.FuncLit); ok {
			return fl.Body
		}
	}
	return astutil.FuncBody(f.root)
}

// isLocal reports whether obj is declared inside the function: a local
// variable or a parameter, which mean nothing in another function.
func (f *funcInfo) isLocal(obj types.Object) bool {
	v, ok := obj.(*types.Var)
	return ok && !v.IsField() && v.Parent() != nil && v.Parent() != f.r.Pkg.Scope()
}
