package sharedmap

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"

	"github.com/dave/dst"
	"github.com/mapfix/mapfix/rules"
	"github.com/mapfix/mapfix/rules/internal/astutil"
)

// reach is signal 2: locals captured by goroutine closures (local), and
// package variables and struct fields reached from any entry (shared).
func (r *run) reach() {
	if len(r.entries) == 0 {
		return
	}
	var entries []*entry
	for _, e := range r.entries {
		if e.lit != nil {
			entries = append(entries, e)
		}
	}
	inEntry := func(p token.Pos) *entry {
		for _, e := range entries {
			if e.lit.Pos() <= p && p < e.lit.End() {
				return e
			}
		}
		return nil
	}
	byLoc := map[*types.Var][]*access{}
	var order []*types.Var
	add := func(v *types.Var, a *access) {
		if byLoc[v] == nil {
			order = append(order, v)
		}
		byLoc[v] = append(byLoc[v], a)
	}
	for _, a := range r.accesses {
		if a.loc.IsField() || a.loc.Parent() == r.Pkg.Scope() {
			continue
		}
		add(a.loc, a)
	}
	r.walkEntries()
	params := r.paramAccesses()
	for _, p := range params {
		add(p.v, p.a)
	}
	byAcc := map[*access]paramAccess{}
	for _, p := range params {
		byAcc[p.a] = p
	}
	for _, v := range order {
		r.local(v, byLoc[v], inEntry, byAcc)
	}
	r.shared()
}

// A paramAccess is an access to a goroutine's captured local made by a
// function of the package that the goroutine calls with it: through the
// parameter a.loc, bound to the local v.
type paramAccess struct {
	v      *types.Var
	a      *access
	e      *entry
	locked bool // a lock is held on the way to it
}

// paramAccesses returns the accesses that goroutines make to locals of
// their spawners through the parameters of functions they call (thanos's
// DeduplicateFilter: go func() { f.filterForResolution(..., metas, ...) }()
// in a loop, and filterForResolution deletes from metas). A parameter
// that its function assigns as a whole is left out: it may hold another
// map by then.
func (r *run) paramAccesses() []paramAccess {
	var out []paramAccess
	seen := map[*access]bool{}
	for _, e := range r.entries {
		for _, o := range e.occs {
			v, ok := o.key.obj.(*types.Var)
			if !ok || v == o.a.loc || o.key.path != "" || seen[o.a] || v.IsField() || v.Parent() == r.Pkg.Scope() ||
				o.a.loc.IsField() || o.a.loc.Parent() == r.Pkg.Scope() || o.a.decl == nil || r.wholeAssigns(o.a.decl)[o.a.loc] {
				continue
			}
			seen[o.a] = true
			out = append(out, paramAccess{v, o.a, e, o.locked})
		}
	}
	return out
}

func (r *run) local(v *types.Var, accs []*access, inEntry func(token.Pos) *entry, params map[*access]paramAccess) {
	free := func(a *access) bool {
		if p, ok := params[a]; ok {
			return !p.locked
		}
		return len(a.held) == 0 && !a.inOnce
	}
	entryOf := map[*access]*entry{} // compared pairwise below
	for _, a := range accs {
		if p, ok := params[a]; ok {
			entryOf[a] = p.e
			continue
		}
		entryOf[a] = inEntry(a.node.Pos())
	}
	var racy []*access
	var first *access
	for _, a := range accs {
		e := entryOf[a]
		if e == nil || !a.write || !free(a) {
			continue
		}
		if fn := e.fn(); fn.Pos() <= v.Pos() && v.Pos() < fn.End() {
			continue // made inside the goroutine
		}
		if !(e.spawner.Pos() <= v.Pos() && v.Pos() < e.spawner.End()) {
			continue
		}
		gate := r.gatePoint(e, a)
		var with []*access
		for _, b := range accs {
			if !free(b) {
				continue
			}
			eb := entryOf[b]
			switch {
			case eb == e:
				if e.handler || e.loop != nil && !(e.loop.Pos() <= v.Pos() && v.Pos() < e.loop.End()) {
					with = append(with, b)
				}
			case eb == nil:
				if b.fn == e.spawner && e.from <= b.node.Pos() && b.node.Pos() < e.join && !r.gatedBefore(e, gate, b) {
					with = append(with, b)
				}
			default:
				if e.handler && eb.handler || eb.spawner == e.spawner && windowsCross(e, eb) {
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
	seen := map[*access]bool{}
	var wrap []*access
	for _, a := range racy {
		if !seen[a] {
			seen[a] = true
			wrap = append(wrap, a)
		}
	}
	for _, a := range accs {
		if !seen[a] && free(a) && entryOf[a] != nil {
			seen[a] = true
			wrap = append(wrap, a)
		}
	}
	what := v.Name()
	if p, ok := params[first]; ok {
		what = fmt.Sprintf("%s (as parameter %s of %s)", v.Name(), p.a.loc.Name(), p.a.decl.Name.Name)
	}
	f := rules.Finding{Rule: "sharedmap", Pos: first.node.Pos(), End: first.node.End(),
		Message: fmt.Sprintf("map %s is written on a goroutine while another goroutine or its spawner can access it, with no lock", what)}
	for _, a := range wrap {
		if p, ok := params[a]; ok {
			// The lock would have to reach the callee: a parameter
			// more, or a field; which is the author's choice.
			f.NoFix = fmt.Sprintf("the goroutines reach it through parameter %s of %s, which a lock declared beside %s does not reach", p.a.loc.Name(), p.a.decl.Name.Name, v.Name())
			break
		}
	}
	name := r.freeName(v.Name() + "Mu")
	declStmt, declParent := r.declStmt(first, v)
	type target struct {
		stmt   ast.Stmt
		parent ast.Node
	}
	var targets []target
	inTargets := map[ast.Stmt]bool{}
	for _, a := range wrap {
		if f.NoFix != "" {
			break
		}
		s, p, why := r.wrapTarget(a)
		if why != "" {
			f.NoFix = why
			break
		}
		if fv := r.callsFuncValue(s); fv != "" {
			f.NoFix = "wrapping it could deadlock: the statement calls the function value " + fv + ", which may use " + v.Name()
			break
		}
		if inTargets[s] {
			continue
		}
		inTargets[s] = true
		targets = append(targets, target{s, p})
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
	case name == "":
		f.NoFix = "the names " + v.Name() + "Mu to " + v.Name() + "Mu9 are taken"
	default:
		f.Fix = func(ctx *rules.FixContext) error {
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
			list := astutil.StmtList(ctx.Node(declParent))
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
func (r *run) declStmt(a *access, v *types.Var) (ast.Stmt, ast.Node) {
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

// freeName returns base, or base followed by a number from 2 to 9, the
// first that nothing in the package declares; "" if all are.
func (r *run) freeName(base string) string {
	for i := 1; i <= 9; i++ {
		name := base
		if i > 1 {
			name += strconv.Itoa(i)
		}
		if !r.nameTaken(name) {
			return name
		}
	}
	return ""
}

func (r *run) nameTaken(name string) bool {
	if r.Pkg.Scope().Lookup(name) != nil {
		return true
	}
	for id, obj := range r.Info.Defs {
		if obj != nil && id.Name == name {
			return true
		}
	}
	return false
}

// callsFuncValue returns the name of a function value that s calls, or "":
// a closure that may touch the map again while the wrap holds the lock.
func (r *run) callsFuncValue(s ast.Stmt) string {
	found := ""
	ast.Inspect(s, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok {
			if id, ok := ast.Unparen(c.Fun).(*ast.Ident); ok {
				if _, isVar := r.Info.Uses[id].(*types.Var); isVar {
					found = id.Name // a closure may capture the map
				}
			}
		}
		return found == ""
	})
	return found
}
