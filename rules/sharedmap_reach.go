package rules

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"github.com/dave/dst"
)

// A smEntry is a function literal that runs on its own goroutine.
type smEntry struct {
	lit     *ast.FuncLit
	spawner ast.Node // the function holding the go statement or call
	stmt    ast.Stmt // the go statement or the call's statement
	loop    ast.Node // innermost loop around stmt in spawner, or nil
	from    token.Pos
	join    token.Pos // end of the window in which the spawner runs alongside
}

// reach is signal 2 for locals captured by goroutine closures: go func(){}(),
// sync.WaitGroup.Go, errgroup.Group.Go and time.AfterFunc with a function
// literal. (Package variables, struct fields, named functions and HTTP
// handlers are not covered yet.)
func (r *smRun) reach() {
	var entries []*smEntry
	for _, f := range r.Files {
		var stack []ast.Node
		ast.Inspect(f, func(n ast.Node) bool {
			if n == nil {
				stack = stack[:len(stack)-1]
				return false
			}
			stack = append(stack, n)
			var lit *ast.FuncLit
			switch n := n.(type) {
			case *ast.GoStmt:
				lit, _ = ast.Unparen(n.Call.Fun).(*ast.FuncLit)
			case *ast.CallExpr:
				if r.isMethod(n, "sync", "WaitGroup", "Go") || r.isMethod(n, "golang.org/x/sync/errgroup", "Group", "Go") {
					if len(n.Args) == 1 {
						lit, _ = ast.Unparen(n.Args[0]).(*ast.FuncLit)
					}
				} else if r.isFunc(n, "time", "AfterFunc") && len(n.Args) == 2 {
					lit, _ = ast.Unparen(n.Args[1]).(*ast.FuncLit)
				}
			}
			if lit == nil {
				return true
			}
			e := &smEntry{lit: lit}
			for i := len(stack) - 1; i >= 1; i-- {
				switch s := stack[i].(type) {
				case *ast.FuncLit:
					if s != lit {
						e.spawner = s
					}
				case *ast.FuncDecl:
					e.spawner = s
				case *ast.ForStmt, *ast.RangeStmt:
					if e.loop == nil {
						e.loop = s
					}
				}
				if st, ok := stack[i].(ast.Stmt); ok && e.stmt == nil {
					if _, isList := stack[i-1].(*ast.BlockStmt); isList {
						e.stmt = st
					} else if _, ok := stack[i-1].(*ast.CaseClause); ok {
						e.stmt = st
					}
				}
				if e.spawner != nil {
					break
				}
			}
			if e.spawner == nil || e.stmt == nil {
				return true
			}
			e.from = e.stmt.End()
			if e.loop != nil {
				e.from = e.loop.Pos()
			}
			entries = append(entries, e)
			return true
		})
	}
	if len(entries) == 0 {
		return
	}
	inEntry := func(p token.Pos) *smEntry {
		for _, e := range entries {
			if e.lit.Pos() <= p && p < e.lit.End() {
				return e
			}
		}
		return nil
	}
	// The join: the first Wait() call or channel receive after the spawn.
	for _, e := range entries {
		e.join = e.spawner.End()
		ast.Inspect(e.spawner, func(n ast.Node) bool {
			if n == nil || n.Pos() < e.stmt.End() || n.Pos() >= e.join {
				return n != nil && n.End() > e.stmt.End()
			}
			if _, ok := n.(*ast.FuncLit); ok {
				return false
			}
			join := false
			switch n := n.(type) {
			case *ast.CallExpr:
				if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Wait" && len(n.Args) == 0 {
					join = true
				}
			case *ast.UnaryExpr:
				join = n.Op == token.ARROW
			case *ast.RangeStmt:
				if t := r.Info.TypeOf(n.X); t != nil {
					_, join = t.Underlying().(*types.Chan)
				}
			case *ast.SelectStmt:
				join = true
			}
			if join {
				e.join = n.Pos()
				return false
			}
			return true
		})
	}
	byLoc := map[*types.Var][]*smAccess{}
	var order []*types.Var
	for _, a := range r.accesses {
		if a.loc.IsField() || a.loc.Parent() == r.Pkg.Scope() {
			continue
		}
		if byLoc[a.loc] == nil {
			order = append(order, a.loc)
		}
		byLoc[a.loc] = append(byLoc[a.loc], a)
	}
	for _, v := range order {
		r.local(v, byLoc[v], entries, inEntry)
	}
}

func (r *smRun) local(v *types.Var, accs []*smAccess, entries []*smEntry, inEntry func(token.Pos) *smEntry) {
	free := func(a *smAccess) bool { return len(a.held) == 0 && !a.inOnce }
	var racy []*smAccess
	var first *smAccess
	for _, a := range accs {
		e := inEntry(a.node.Pos())
		if e == nil || !a.write || !free(a) {
			continue
		}
		if e.lit.Pos() <= v.Pos() && v.Pos() < e.lit.End() {
			continue // made inside the goroutine
		}
		if !(e.spawner.Pos() <= v.Pos() && v.Pos() < e.spawner.End()) {
			continue
		}
		var with []*smAccess
		for _, b := range accs {
			if !free(b) {
				continue
			}
			eb := inEntry(b.node.Pos())
			switch {
			case eb == e:
				if e.loop != nil && !(e.loop.Pos() <= v.Pos() && v.Pos() < e.loop.End()) {
					with = append(with, b)
				}
			case eb == nil:
				if b.fn == e.spawner && e.from <= b.node.Pos() && b.node.Pos() < e.join {
					with = append(with, b)
				}
			default:
				if eb.spawner == e.spawner && (e.from <= eb.stmt.Pos() && eb.stmt.Pos() < e.join || eb.from <= e.stmt.Pos() && e.stmt.Pos() < eb.join) {
					with = append(with, b)
				}
			}
		}
		if len(with) > 0 {
			if first == nil {
				first = a
			}
			racy = append(racy, a)
			racy = append(racy, with...)
		}
	}
	if first == nil {
		return
	}
	// Wrap every access on a goroutine and in the spawners' windows.
	seen := map[*smAccess]bool{}
	var wrap []*smAccess
	for _, a := range racy {
		if !seen[a] {
			seen[a] = true
			wrap = append(wrap, a)
		}
	}
	for _, a := range accs {
		if !seen[a] && free(a) && inEntry(a.node.Pos()) != nil {
			seen[a] = true
			wrap = append(wrap, a)
		}
	}
	f := Finding{Rule: "sharedmap", Pos: first.node.Pos(), End: first.node.End(),
		Message: fmt.Sprintf("map %s is written on a goroutine while another goroutine or its spawner can access it, with no lock", v.Name())}
	name := v.Name() + "Mu"
	declStmt, declParent := r.declStmt(first, v)
	type target struct {
		stmt   ast.Stmt
		parent ast.Node
		write  bool
	}
	var targets []target
	idx := map[ast.Stmt]int{}
	for _, a := range wrap {
		s, p, why := r.wrapTarget(a)
		if why != "" {
			f.NoFix = why
			break
		}
		if r.callsAccess(s, v) {
			f.NoFix = "wrapping it could deadlock: the statement calls code that uses " + v.Name()
			break
		}
		if i, ok := idx[s]; ok {
			targets[i].write = targets[i].write || a.write
			continue
		}
		idx[s] = len(targets)
		targets = append(targets, target{s, p, a.write})
	}
	for _, t := range targets {
		for _, u := range targets {
			if t.stmt != u.stmt && t.stmt.Pos() <= u.stmt.Pos() && u.stmt.End() <= t.stmt.End() {
				f.NoFix = "accesses are nested in one another's statements"
			}
		}
	}
	switch {
	case f.NoFix != "":
	case declStmt == nil:
		f.NoFix = "the map's declaration is not a statement of its function"
	case r.nameTaken(name, declStmt):
		f.NoFix = "the name " + name + " is taken"
	default:
		f.Fix = func(ctx *FixContext) error {
			sync := ctx.Import("sync")
			ds, ok := ctx.Node(declStmt).(dst.Stmt)
			if !ok {
				return fmt.Errorf("declaration not found")
			}
			for _, t := range targets {
				if err := wrapFix(t.stmt, t.parent, name, "Lock", "Unlock")(ctx); err != nil {
					return err
				}
			}
			list := stmtList(ctx.Node(declParent))
			if list == nil {
				return fmt.Errorf("declaration's list not found")
			}
			for i, s := range *list {
				if s == ds {
					decl := &dst.DeclStmt{Decl: &dst.GenDecl{Tok: token.VAR, Specs: []dst.Spec{&dst.ValueSpec{
						Names: []*dst.Ident{dst.NewIdent(name)},
						Type:  &dst.SelectorExpr{X: dst.NewIdent(sync), Sel: dst.NewIdent("Mutex")},
					}}}}
					decl.Decs.Before, decl.Decs.After = dst.NewLine, dst.NewLine
					*list = append((*list)[:i+1], append([]dst.Stmt{decl}, (*list)[i+1:]...)...)
					return nil
				}
			}
			return fmt.Errorf("declaration not in its list")
		}
	}
	r.out = append(r.out, f)
}

// declStmt returns the statement declaring v, in a statement list.
func (r *smRun) declStmt(a *smAccess, v *types.Var) (ast.Stmt, ast.Node) {
	var stmt ast.Stmt
	var parent ast.Node
	ast.Inspect(a.decl, func(n ast.Node) bool {
		if stmt != nil || n == nil || !(n.Pos() <= v.Pos() && v.Pos() < n.End()) {
			return false
		}
		var list []ast.Stmt
		switch n := n.(type) {
		case *ast.BlockStmt:
			list = n.List
		case *ast.CaseClause:
			list = n.Body
		}
		for _, s := range list {
			if s.Pos() <= v.Pos() && v.Pos() < s.End() {
				switch s.(type) {
				case *ast.AssignStmt, *ast.DeclStmt:
					stmt, parent = s, n
				}
			}
		}
		return true
	})
	return stmt, parent
}

func (r *smRun) nameTaken(name string, at ast.Stmt) bool {
	if r.Pkg.Scope().Lookup(name) != nil {
		return true
	}
	for id, obj := range r.Info.Defs {
		if obj != nil && id.Name == name {
			return true
		}
	}
	_ = at
	return false
}

// callsAccess reports whether s calls an in-package function (a local
// closure or a declared function) that could touch v again.
func (r *smRun) callsAccess(s ast.Stmt, v *types.Var) bool {
	found := false
	ast.Inspect(s, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok {
			if id, ok := ast.Unparen(c.Fun).(*ast.Ident); ok {
				if _, isVar := r.Info.Uses[id].(*types.Var); isVar {
					found = true // a closure may capture v
				}
			}
		}
		return !found
	})
	return found
}
