package sharedmap

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strconv"
	"strings"

	"github.com/dave/dst"
	"github.com/mapfix/mapfix/rules"
	"github.com/mapfix/mapfix/rules/internal/astutil"
)

// shared is signal 2 for package variables and struct fields: a write that
// runs on a goroutine, or in its spawner while it runs, and another access
// to the same map that can run at the same time, neither under a lock. For
// a field, both accesses must reach the same struct value: a variable of the
// frame that spawned the goroutines (or registered the handlers), or a
// package variable, passed down as receiver or argument.
func (r *run) shared() {
	byLoc := map[*types.Var][]occ{}
	var order []*types.Var
	add := func(o occ) {
		if !(o.a.loc.IsField() || o.a.loc.Parent() == r.Pkg.Scope()) {
			return
		}
		if byLoc[o.a.loc] == nil {
			order = append(order, o.a.loc)
		}
		byLoc[o.a.loc] = append(byLoc[o.a.loc], o)
	}
	for _, e := range r.entries {
		for _, o := range e.occs {
			add(o)
		}
		for _, o := range e.window {
			add(o)
		}
	}
	// Locations that signal 1 has reported are left to it.
	done := map[*types.Var]bool{}
	for _, a := range r.accesses {
		if r.reported[a.node] {
			done[a.loc] = true
		}
	}
	for _, loc := range order {
		if done[loc] {
			continue
		}
		if x, y, ok := r.racyPair(byLoc[loc]); ok {
			r.running = map[*access]bool{}
			for _, o := range byLoc[loc] {
				r.running[o.a] = true
			}
			r.sharedFinding(loc, x, y)
		}
	}
}

// racyPair returns a write and another access of the same map, in contexts
// that can run at the same time, neither under a lock: the pair whose write
// comes first in the source.
func (r *run) racyPair(occs []occ) (w, o occ, found bool) {
	for _, x := range occs {
		if x.window || x.locked || x.key.obj == nil {
			continue
		}
		for _, y := range occs {
			if y.locked || y.key != x.key || !(x.a.write || y.a.write) {
				continue
			}
			switch {
			case y.window: // the spawner's, while x's goroutine runs
				if y.e != x.e || !r.windowShares(x.e, x.key, y) {
					continue
				}
			case y.e == x.e: // the same goroutine, x itself included
				if !r.selfConcurrent(x.e, x.key) {
					continue
				}
			default:
				if !r.overlap(x.e, y.e) {
					continue
				}
			}
			a, b := x, y
			if !a.a.write {
				a, b = y, x
			}
			if !found || a.a.node.Pos() < w.a.node.Pos() {
				w, o, found = a, b, true
			}
		}
	}
	return
}

// declaredIn reports whether the key's root variable is declared inside n.
func declaredIn(k entryKey, n ast.Node) bool {
	return n != nil && k.obj != nil && n.Pos() <= k.obj.Pos() && k.obj.Pos() < n.End()
}

// selfConcurrent reports whether two instances of e can run at once on
// the same value k.
func (r *run) selfConcurrent(e *entry, k entryKey) bool {
	if !e.multi {
		return false
	}
	if v, ok := k.obj.(*types.Var); ok && v.Parent() == r.Pkg.Scope() {
		return true
	}
	switch {
	case e.handler:
		return true // the registered value serves every request
	case e.loop != nil:
		return !declaredIn(k, e.loop) // a variable of the loop body is a new one each time
	}
	return false // several spawners, each with its own frame
}

// windowShares reports whether the spawner's access y, made while e runs,
// reaches the value k that e's access reaches.
func (r *run) windowShares(e *entry, k entryKey, y occ) bool {
	if e.loop != nil && declaredIn(k, e.loop) {
		// Only the goroutine started in the same iteration shares it.
		return y.a.node.Pos() >= e.stmt.End() && y.a.node.Pos() < e.loop.End()
	}
	return true
}

// overlap reports whether two different entries can run at the same time.
func (r *run) overlap(a, b *entry) bool {
	if a.handler && b.handler {
		return true
	}
	if a.serves && b.handler || b.serves && a.handler {
		return true
	}
	if a.stmt != nil && b.stmt != nil && !a.handler && !b.handler && a.spawner == b.spawner && windowsCross(a, b) {
		return true
	}
	return a.winFns[b.frame] || b.winFns[a.frame]
}

// windowsCross reports two goroutines of one spawner, one started while
// the spawner still runs alongside the other.
func windowsCross(a, b *entry) bool {
	return a.from <= b.stmt.Pos() && b.stmt.Pos() < a.join || b.from <= a.stmt.Pos() && a.stmt.Pos() < b.join
}

func (r *run) occWhere(o occ) string {
	if o.a.decl == nil {
		return "a function literal"
	}
	if o.a.fn != ast.Node(o.a.decl) {
		return "a function literal in " + o.a.decl.Name.Name
	}
	return o.a.decl.Name.Name
}

func (r *run) entryDesc(e *entry) string {
	if e.stmt == nil {
		return e.desc
	}
	return e.desc + " at " + r.Where(e.stmt.Pos())
}

func (r *run) pairDesc(w, o occ) string {
	ctx := func(x occ) string {
		if x.window {
			return "in the spawner of " + r.entryDesc(x.e) + ", before it joins"
		}
		return "on a goroutine: " + r.entryDesc(x.e)
	}
	first := fmt.Sprintf("%s (%s)", r.occWhere(w), ctx(w))
	var second string
	switch {
	case !w.window && !o.window && w.e == o.e:
		why := "its spawner runs in several instances"
		switch {
		case w.e.handler:
			why = "net/http runs a handler for each request"
		case w.e.loop != nil:
			why = "started in a loop"
		}
		second = "another instance of it (" + why + ")"
	default:
		second = fmt.Sprintf("%s (%s)", r.occWhere(o), ctx(o))
	}
	return first + " while " + second + " can access it at the same time"
}

func (r *run) sharedFinding(loc *types.Var, w, o occ) {
	name := types.ExprString(w.a.expr)
	f := rules.Finding{Rule: "sharedmap", Pos: w.a.node.Pos(), End: w.a.node.End(),
		Message: fmt.Sprintf("map %s is written in %s, with no lock", name, r.pairDesc(w, o))}
	if loc.IsField() {
		r.fieldFix(&f, loc, w)
	} else {
		r.pkgVarFix(&f, loc, w)
	}
	r.out = append(r.out, f)
}

// An target is a statement to wrap in a lock.
type target struct {
	stmt   ast.Stmt
	parent ast.Node
	recv   string // the mutex, as written at the statement
	write  bool
	ret    bool
}

// targets returns the statements that hold accs, one each, or why they
// cannot all be wrapped.
func (r *run) targets(loc *types.Var, accs []*access, file *ast.File, muOf func(*access) (string, string)) ([]target, string) {
	var ts []target
	idx := map[ast.Stmt]int{}
	for _, a := range accs {
		if a.file != file {
			return nil, "the accesses are in several files: add the lock by hand"
		}
		if len(a.held) > 0 || a.guarded && !a.inOnce {
			return nil, "some accesses hold a lock already: guard the map with that one"
		}
		recv, why := muOf(a)
		if why != "" {
			return nil, why
		}
		s, p, why := r.wrapTargetRet(a, true)
		if why != "" {
			return nil, why
		}
		if why := r.callsInto(s, loc); why != "" {
			return nil, why
		}
		if i, ok := idx[s]; ok {
			if ts[i].recv != recv {
				return nil, "a statement reaches the map through two values"
			}
			ts[i].write = ts[i].write || a.write
			continue
		}
		_, ret := s.(*ast.ReturnStmt)
		idx[s] = len(ts)
		ts = append(ts, target{stmt: s, parent: p, recv: recv, write: a.write || r.stmtWrites(s, loc), ret: ret})
	}
	// A statement inside another one is covered by it, unless a function
	// literal lies between them.
	var out []target
	for _, t := range ts {
		inner := false
		for _, u := range ts {
			if t.stmt != u.stmt && u.stmt.Pos() <= t.stmt.Pos() && t.stmt.End() <= u.stmt.End() {
				if litBetween(u.stmt, t.stmt) {
					return nil, "an access is in a function literal inside another access's statement"
				}
				inner = true
			}
		}
		if !inner {
			out = append(out, t)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].stmt.Pos() < out[j].stmt.Pos() })
	return out, ""
}

func litBetween(outer, inner ast.Node) bool {
	found := false
	ast.Inspect(outer, func(n ast.Node) bool {
		if fl, ok := n.(*ast.FuncLit); ok && fl.Pos() <= inner.Pos() && inner.End() <= fl.End() {
			found = true
		}
		return !found
	})
	return found
}

// callsInto says why holding a new lock over s could deadlock or block:
// s calls in-package code that uses loc, takes a lock or blocks, or calls a
// function value.
func (r *run) callsInto(s ast.Stmt, loc *types.Var) string {
	why := ""
	ast.Inspect(s, func(n ast.Node) bool {
		if why != "" {
			return false
		}
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		c, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		if fd := r.callee(c); fd != nil {
			if r.funcUses(fd, loc, map[*ast.FuncDecl]bool{}, 0) {
				why = "wrapping it could deadlock: the statement calls " + fd.Name.Name + ", which uses the map too"
			} else if len(r.funcLocks(fd)) > 0 {
				why = "wrapping it could deadlock: the statement calls " + fd.Name.Name + ", which takes a lock"
			} else if b := r.funcBlocks(fd); b != "" {
				why = "wrapping would hold the lock across " + b + " in " + fd.Name.Name
			}
			return true
		}
		if astutil.IsConversion(r.Info, c) {
			return true
		}
		switch f := ast.Unparen(c.Fun).(type) {
		case *ast.Ident:
			if _, ok := r.Info.Uses[f].(*types.Var); ok {
				why = "wrapping it could deadlock: the statement calls a function value"
			}
		case *ast.SelectorExpr:
			if s, ok := r.Info.Selections[f]; ok && s.Kind() == types.FieldVal {
				why = "wrapping it could deadlock: the statement calls a function value"
			}
		}
		return true
	})
	return why
}

// funcUses reports whether fd, or what it calls in the package, accesses loc.
func (r *run) funcUses(fd *ast.FuncDecl, loc *types.Var, seen map[*ast.FuncDecl]bool, depth int) bool {
	if r.declLocs == nil {
		r.declLocs = map[*ast.FuncDecl]map[*types.Var]bool{}
		for _, a := range r.accesses {
			if r.declLocs[a.decl] == nil {
				r.declLocs[a.decl] = map[*types.Var]bool{}
			}
			r.declLocs[a.decl][a.loc] = true
		}
	}
	return r.throughCalls(fd, func(g *ast.FuncDecl) bool { return r.declLocs[g][loc] }, seen, depth)
}

// throughCalls reports whether has holds for fd or for a function of the
// package that fd calls, directly or not (twelve calls deep).
func (r *run) throughCalls(fd *ast.FuncDecl, has func(*ast.FuncDecl) bool, seen map[*ast.FuncDecl]bool, depth int) bool {
	if seen[fd] || depth > 12 {
		return false
	}
	seen[fd] = true
	if has(fd) {
		return true
	}
	if fd.Body == nil {
		return false
	}
	found := false
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok && !found {
			if g := r.callee(c); g != nil && g.Body != nil && r.throughCalls(g, has, seen, depth+1) {
				found = true
			}
		}
		return !found
	})
	return found
}

// funcBlocks names a blocking operation in fd or what it calls.
func (r *run) funcBlocks(fd *ast.FuncDecl) string {
	if b, ok := r.memoBlk[fd]; ok {
		return b
	}
	r.memoBlk[fd] = ""
	if fd.Body == nil {
		return ""
	}
	why := r.blocking(fd.Body)
	if why == "" {
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			if c, ok := n.(*ast.CallExpr); ok && why == "" {
				if g := r.callee(c); g != nil {
					why = r.funcBlocks(g)
				}
			}
			return why == ""
		})
	}
	r.memoBlk[fd] = why
	return why
}

func inInit(a *access) bool {
	return a.decl != nil && a.decl.Recv == nil && a.decl.Name.Name == "init"
}

// pkgVarFix adds var <v>Mu sync.RWMutex after v's declaration and wraps
// every access in the package outside init.
func (r *run) pkgVarFix(f *rules.Finding, v *types.Var, w occ) {
	file := w.a.file
	var gd *ast.GenDecl
	for _, d := range file.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.VAR && g.Pos() <= v.Pos() && v.Pos() < g.End() {
			gd = g
		}
	}
	if gd == nil {
		f.NoFix = "the variable is declared in another file: add the lock by hand"
		return
	}
	name := r.freeName(v.Name() + "Mu")
	if name == "" {
		f.NoFix = "the names " + v.Name() + "Mu to " + v.Name() + "Mu9 are taken"
		return
	}
	var accs []*access
	for _, a := range r.accesses {
		if a.loc == v && !inInit(a) {
			accs = append(accs, a)
		}
	}
	ts, why := r.targets(v, accs, file, func(*access) (string, string) { return name, "" })
	if why != "" {
		f.NoFix = why
		return
	}
	f.Fix = func(ctx *rules.FixContext) error {
		sync := ctx.Import("sync")
		dg, ok := ctx.Node(gd).(*dst.GenDecl)
		if !ok {
			return fmt.Errorf("declaration not found")
		}
		if err := applyTargets(ctx, ts, true); err != nil {
			return err
		}
		for i, d := range ctx.File.Decls {
			if d == dg {
				nd := &dst.GenDecl{Tok: token.VAR, Specs: []dst.Spec{&dst.ValueSpec{
					Names: []*dst.Ident{dst.NewIdent(name)},
					Type:  &dst.SelectorExpr{X: dst.NewIdent(sync), Sel: dst.NewIdent("RWMutex")},
				}}}
				nd.Decs.Before, nd.Decs.After = dst.NewLine, dg.Decs.After
				if nd.Decs.After == dst.None {
					nd.Decs.After = dst.NewLine
				}
				dg.Decs.After = dst.NewLine
				ctx.File.Decls = append(ctx.File.Decls[:i+1], append([]dst.Decl{nd}, ctx.File.Decls[i+1:]...)...)
				return nil
			}
		}
		return fmt.Errorf("declaration not in the file")
	}
}

// applyTargets wraps each target in its lock, merging runs of adjacent
// statements of one list that take the same lock.
func applyTargets(ctx *rules.FixContext, ts []target, rw bool) error {
	type run struct {
		ts []target
	}
	var runs []run
	for i, t := range ts {
		if i > 0 && !t.ret && !ts[i-1].ret && ts[i-1].parent == t.parent && ts[i-1].recv == t.recv && adjacent(ts[i-1].parent, ts[i-1].stmt, t.stmt) {
			runs[len(runs)-1].ts = append(runs[len(runs)-1].ts, t)
			continue
		}
		runs = append(runs, run{ts: []target{t}})
	}
	for _, rn := range runs {
		write := false
		for _, t := range rn.ts {
			write = write || t.write
		}
		lock, unlock := "Lock", "Unlock"
		if rw && !write {
			lock, unlock = "RLock", "RUnlock"
		}
		first, last := rn.ts[0], rn.ts[len(rn.ts)-1]
		if err := wrapStmts(ctx, first.parent, first.stmt, last.stmt, first.recv, lock, unlock, first.ret); err != nil {
			return err
		}
	}
	return nil
}

// wrapStmts puts recv.lock() before the statements first to last of
// parent's list and recv.unlock() after them, or, with deferUnlock, a
// deferred unlock right after the lock (for a return statement). The lock
// call takes over first's leading comments.
func wrapStmts(ctx *rules.FixContext, parent ast.Node, first, last ast.Stmt, recv, lock, unlock string, deferUnlock bool) error {
	list := astutil.StmtList(ctx.Node(parent))
	if list == nil {
		return fmt.Errorf("statement list not found")
	}
	df, ok1 := ctx.Node(first).(dst.Stmt)
	dl, ok2 := ctx.Node(last).(dst.Stmt)
	if !ok1 || !ok2 {
		return fmt.Errorf("statement not found")
	}
	i, j := -1, -1
	for k, s := range *list {
		if s == df {
			i = k
		}
		if s == dl {
			j = k
		}
	}
	if i < 0 || j < i {
		return fmt.Errorf("statement not in its list")
	}
	l := callStmt(recv, lock)
	d := df.Decorations()
	l.Decs.Before, l.Decs.Start = d.Before, d.Start
	d.Before, d.Start = dst.NewLine, nil
	if deferUnlock {
		u := &dst.DeferStmt{Call: callStmt(recv, unlock).X.(*dst.CallExpr)}
		u.Decs.Before, u.Decs.After = dst.NewLine, dst.NewLine
		*list = append((*list)[:i], append([]dst.Stmt{l, u}, (*list)[i:]...)...)
		return nil
	}
	u := callStmt(recv, unlock)
	dd := dl.Decorations()
	u.Decs.Before, u.Decs.After = dst.NewLine, dd.After
	dd.After = dst.NewLine
	rest := append([]dst.Stmt{u}, (*list)[j+1:]...)
	mid := append([]dst.Stmt{l}, (*list)[i:j+1]...)
	*list = append(append((*list)[:i:i], mid...), rest...)
	return nil
}

// adjacent reports whether b follows a directly in parent's list.
func adjacent(parent ast.Node, a, b ast.Stmt) bool {
	list := astutil.Stmts(parent)
	for i := 0; i+1 < len(list); i++ {
		if list[i] == a {
			return list[i+1] == b
		}
	}
	return false
}

// fieldFix adds a mutex field above the map field and wraps every access
// to the field in the package, outside constructors and init, when the
// struct is never copied.
func (r *run) fieldFix(f *rules.Finding, field *types.Var, w occ) {
	named, st, spec := r.structOf(field)
	if spec == nil {
		f.NoFix = "the struct holding the field is not declared in this package's files"
		return
	}
	if why := r.copiedBy(named); why != "" {
		f.NoFix = "the struct " + named.Obj().Name() + " is copied by value (" + why +
			"): a mutex field would be copied too (go vet copylocks) and copies would not share it"
		return
	}
	file := r.fileOf(spec)
	if file != w.a.file {
		f.NoFix = "the struct is declared in another file: add the lock by hand"
		return
	}
	// The field is mu, else <field>Mu, else <field>Mu2 and so on: the
	// first name that no field or method of the struct has.
	names := []string{"mu", field.Name() + "Mu"}
	for n := 2; n <= 9; n++ {
		names = append(names, field.Name()+"Mu"+strconv.Itoa(n))
	}
	mu := ""
	for _, name := range names {
		if obj, _, _ := types.LookupFieldOrMethod(named, true, r.Pkg, name); obj == nil {
			mu = name
			break
		}
	}
	if mu == "" {
		f.NoFix = "the names mu and " + field.Name() + "Mu to " + field.Name() + "Mu9 are taken"
		return
	}
	var astField *ast.Field
	for _, fl := range st.Fields.List {
		if fl.Pos() <= field.Pos() && field.Pos() < fl.End() {
			astField = fl
		}
	}
	if astField == nil {
		f.NoFix = "the field's declaration is not found"
		return
	}
	var accs []*access
	for _, a := range r.accesses {
		if a.loc != field || inInit(a) || r.builtHere(a) && !r.running[a] {
			continue
		}
		accs = append(accs, a)
	}
	ts, why := r.targets(field, accs, file, func(a *access) (string, string) {
		sel, ok := ast.Unparen(a.expr).(*ast.SelectorExpr)
		if !ok {
			return "", "an access is not a field selection"
		}
		if s := r.Info.Selections[sel]; s == nil || len(s.Index()) != 1 {
			return "", "an access goes through an embedded field"
		}
		x := types.ExprString(sel.X)
		if strings.Trim(x, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.") != "" {
			return "", "an access reaches the struct through an expression that a lock call cannot repeat"
		}
		return x + "." + mu, ""
	})
	if why != "" {
		f.NoFix = why
		return
	}
	f.Fix = func(ctx *rules.FixContext) error {
		sync := ctx.Import("sync")
		dstruct, ok := ctx.Node(st).(*dst.StructType)
		if !ok {
			return fmt.Errorf("struct not found")
		}
		df, ok := ctx.Node(astField).(*dst.Field)
		if !ok {
			return fmt.Errorf("field not found")
		}
		if err := applyTargets(ctx, ts, false); err != nil {
			return err
		}
		for i, fl := range dstruct.Fields.List {
			if fl == df {
				nf := &dst.Field{Names: []*dst.Ident{dst.NewIdent(mu)},
					Type: &dst.SelectorExpr{X: dst.NewIdent(sync), Sel: dst.NewIdent("Mutex")}}
				nf.Decs.Before = df.Decs.Before
				nf.Decs.After = dst.NewLine
				nf.Decs.End = dst.Decorations{"// guards " + field.Name()}
				df.Decs.Before = dst.NewLine
				dstruct.Fields.List = append(dstruct.Fields.List[:i], append([]*dst.Field{nf}, dstruct.Fields.List[i:]...)...)
				return nil
			}
		}
		return fmt.Errorf("field not in its struct")
	}
}

// builtHere reports an access to a field of a value that its function
// builds itself (a constructor, before the value escapes).
func (r *run) builtHere(a *access) bool {
	root := rootIdent(a.expr)
	if root == nil || a.decl == nil {
		return false
	}
	v, ok := r.Info.Uses[root].(*types.Var)
	return ok && v.Pos() > a.decl.Pos() && v.Pos() < a.decl.End() && !isParamOf(a.decl, v) && a.fn == ast.Node(a.decl)
}

// structOf finds the named struct type that declares field, and its syntax.
func (r *run) structOf(field *types.Var) (*types.Named, *ast.StructType, *ast.TypeSpec) {
	for _, f := range r.Files {
		for _, d := range f.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.TYPE {
				continue
			}
			for _, sp := range g.Specs {
				ts := sp.(*ast.TypeSpec)
				st, ok := ts.Type.(*ast.StructType)
				if !ok || !(st.Pos() <= field.Pos() && field.Pos() < st.End()) {
					continue
				}
				tn, ok := r.Info.Defs[ts.Name].(*types.TypeName)
				if !ok {
					return nil, nil, nil
				}
				named, ok := tn.Type().(*types.Named)
				if !ok || named.TypeParams().Len() > 0 {
					return nil, nil, nil
				}
				// The field must be a direct field of this struct, not of a
				// nested struct type.
				s := named.Underlying().(*types.Struct)
				for i := 0; i < s.NumFields(); i++ {
					if s.Field(i) == field {
						return named, st, ts
					}
				}
				return nil, nil, nil
			}
		}
	}
	return nil, nil, nil
}

// copiedBy says where the package copies a value of type t, or "".
func (r *run) copiedBy(t *types.Named) string {
	is := func(x types.Type) bool { return x != nil && types.Identical(x, t) }
	why := ""
	at := func(n ast.Node, what string) {
		if why == "" {
			why = what + " at " + r.Where(n.Pos())
		}
	}
	for i := 0; i < t.NumMethods(); i++ {
		m := t.Method(i)
		if recv := m.Type().(*types.Signature).Recv(); recv != nil && is(recv.Type()) {
			why = "the value receiver of " + m.Name() + " at " + r.Where(m.Pos())
			return why
		}
	}
	copyExpr := func(e ast.Expr) bool {
		switch ast.Unparen(e).(type) {
		case *ast.CompositeLit, *ast.CallExpr:
			return false // a new value
		}
		return is(r.Info.TypeOf(e))
	}
	// copies notes the first of exprs (a key-value's value) that copies
	// a value of t.
	copies := func(exprs []ast.Expr, what string) {
		for _, e := range exprs {
			if kv, ok := e.(*ast.KeyValueExpr); ok {
				e = kv.Value
			}
			if copyExpr(e) {
				at(e, what)
			}
		}
	}
	for _, f := range r.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			if why != "" {
				return false
			}
			switch n := n.(type) {
			case *ast.FuncType:
				for _, fl := range []*ast.FieldList{n.Params, n.Results} {
					if fl == nil {
						continue
					}
					for _, p := range fl.List {
						if is(r.Info.TypeOf(p.Type)) {
							at(p, "a parameter or result of the struct type")
						}
					}
				}
			case *ast.AssignStmt:
				copies(n.Rhs, "an assignment")
			case *ast.ValueSpec:
				copies(n.Values, "a declaration")
			case *ast.CallExpr:
				copies(n.Args, "a call argument")
			case *ast.ReturnStmt:
				copies(n.Results, "a return")
			case *ast.CompositeLit:
				copies(n.Elts, "a composite literal")
			case *ast.SendStmt:
				if copyExpr(n.Value) {
					at(n, "a channel send")
				}
			case *ast.RangeStmt:
				if n.Value != nil && is(r.Info.TypeOf(n.Value)) {
					at(n, "a range over values")
				}
			}
			return true
		})
	}
	return why
}
