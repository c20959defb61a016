package sharedmap

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/dave/dst"
	"github.com/mapfix/mapfix/rules"
	"github.com/mapfix/mapfix/rules/internal/astutil"
)

// inconsistent is signal 1: a struct field or package variable that most
// accesses reach while holding the same mutex.
func (r *run) inconsistent() {
	byLoc := map[*types.Var][]*access{}
	var order []*types.Var
	for _, a := range slices.Concat(r.accesses, r.viaAlias) {
		if a.via != nil && r.detaches(a.decl, a.loc) {
			continue
		}
		if a.loc.IsField() || a.loc.Parent() == r.Pkg.Scope() {
			if byLoc[a.loc] == nil {
				order = append(order, a.loc)
			}
			byLoc[a.loc] = append(byLoc[a.loc], a)
		}
	}
	for _, loc := range order {
		// live: the accesses that may need a lock; byContract: the
		// writes in functions whose name or comments say their callers
		// hold it.
		var live, byContract []*access
		for _, a := range byLoc[loc] {
			switch {
			case !r.exempt(a, nil):
				live = append(live, a)
			case a.write && a.decl != nil && r.runsInDecl(a.path) && r.lockedByContract(a.decl):
				byContract = append(byContract, a)
			}
		}
		// A map that nothing writes once built cannot race: its readers
		// need no lock. Writes of a test before it starts any goroutine
		// set a value up before anything runs (prometheus' notifier tests
		// fill alertmanagers in place; the program only swaps whole maps).
		written := false
		for _, a := range byLoc[loc] {
			setup := a.decl != nil && r.InTest(a.node.Pos()) && !r.spawnsBefore(a.decl, a.node.Pos())
			if a.write && !a.inOnce && !inInit(a) && !r.builtHere(a) && !setup {
				written = true
			}
		}
		if !written {
			continue
		}
		count := map[types.Object]int{}
		for _, a := range live {
			for m := range a.held {
				count[m]++
			}
		}
		// The most held mutex; of equals, the one declared first, so that
		// the report does not depend on map order.
		var best types.Object
		for m, n := range count {
			if best == nil || n > count[best] || n == count[best] && m.Pos() < best.Pos() {
				best = m
			}
		}
		if best == nil {
			continue
		}
		// The accesses that skip best but need not hold it, asked once
		// and only when needed: callersHold walks the callers.
		memo := map[*access]bool{}
		excused := func(a *access) bool {
			e, ok := memo[a]
			if !ok {
				e = a.held[best] == 0 && r.exempt(a, best)
				memo[a] = e
			}
			return e
		}
		// The evidence that best guards the map: most accesses hold it,
		// in more functions than skip it; or else every write holds it,
		// in two functions at least, and only reads skip it.
		readsOnly := false
		evidence := "which guards its other accesses"
		if count[best] < 2 || 2*count[best] <= len(live) || !lockedInMostFuncs(live, best, excused) {
			switch {
			case writersHold(live, byContract, best, excused):
				readsOnly = true
			case r.writeSkips(live, best, excused):
				evidence = "which other functions hold to use it"
			default:
				continue
			}
		}
		for _, a := range live {
			if readsOnly && a.write {
				continue
			}
			mode := a.held[best]
			if !r.mayRunConcurrently(a) && !r.locksItself(a, best) {
				continue
			}
			switch {
			case mode == 0 && !a.write && r.sharesWriteLock(a, live):
				// A read that holds another mutex which every write holds
				// too cannot race with a write.
			case mode == 0 && !excused(a):
				r.unguarded(a, best, evidence)
			case mode == readLock && a.write:
				r.writeUnderRLock(a, best)
			}
		}
	}
}

// lockedInMostFuncs reports whether the functions that hold mu at an access
// to the map (or are excused from it: every caller holds it) are at least
// two, and more than those that skip it. A
// convention is a property of code written at several places: one
// function's many accesses under a lock are no evidence that the one other
// function reading the map should take it (hugo's metrics store: TrackValue
// writes under diffmu, WriteMetrics reads once the build is over).
func lockedInMostFuncs(live []*access, mu types.Object, excused func(*access) bool) bool {
	with, without := map[ast.Node]bool{}, map[ast.Node]bool{}
	for _, a := range live {
		if a.held[mu] != 0 || excused(a) {
			with[a.fn] = true // held here, or by every caller
		} else {
			without[a.fn] = true
		}
	}
	return len(with) >= 2 && len(with) > len(without)
}

// writersHold reports whether every write to the map holds mu for writing
// (or is excused from it, or is one of byContract, in a function whose
// name or comments say its callers hold a lock), in two functions at
// least: the writers' lock is the evidence that mu guards the map, however
// many readers skip it.
func writersHold(live, byContract []*access, mu types.Object, excused func(*access) bool) bool {
	writers := map[ast.Node]bool{}
	for _, a := range byContract {
		writers[a.fn] = true
	}
	for _, a := range live {
		if !a.write {
			continue
		}
		if a.held[mu] != writeLock && !excused(a) {
			return false
		}
		writers[a.fn] = true
	}
	return len(writers) >= 2
}

// writeSkips reports a write to the map that skips mu, where it can run
// alongside the others, while two functions at least hold mu at their
// accesses (or every caller of theirs does): a reader that takes the lock
// says that the map changes while others use it, and the write that does
// not take it is the change it races with (loki's DeleteRequestsManager:
// two functions read processedSeries under the lock; MarkSeriesAsProcessed
// inserted without it, and a loop goroutine marshalled it without it).
func (r *run) writeSkips(live []*access, mu types.Object, excused func(*access) bool) bool {
	with := map[ast.Node]bool{}
	var skips bool
	for _, a := range live {
		switch {
		case a.held[mu] != 0 || excused(a):
			with[a.fn] = true
		case a.write && (r.mayRunConcurrently(a) || r.locksItself(a, mu)):
			skips = true
		}
	}
	return skips && len(with) >= 2
}

// locksItself reports an access in a function that takes mu itself, or
// through what it calls in the package: the function's own author treats
// the map as shared, so an access there that skips mu (before the Lock,
// after the Unlock) can run alongside the others, whoever calls it.
func (r *run) locksItself(a *access, mu types.Object) bool {
	return a.decl != nil && r.runsInDecl(a.path) && r.funcLocks(a.decl)[mu]
}

// sharesWriteLock reports whether read a holds (itself or through all its
// callers, at any depth) a mutex that every write among accesses holds too.
func (r *run) sharesWriteLock(a *access, accesses []*access) bool {
	holds := func(x *access, mu types.Object) bool {
		return x.held[mu] == writeLock || x.held[mu] == readLock && !x.write ||
			x.decl != nil && x.fn == ast.Node(x.decl) && r.callersHoldFor(x.decl, x.loc, mu)
	}
	// Any mutex held around one of the accesses, or around a call in the
	// package, may be the one (held by the callers of callers).
	candidates := map[types.Object]bool{}
	for _, x := range append(accesses, a) {
		for mu := range x.held {
			candidates[mu] = true
		}
	}
	for _, calls := range r.callers {
		for _, c := range calls {
			for mu := range c.held {
				candidates[mu] = true
			}
		}
	}
	for mu := range candidates {
		if !holds(a, mu) {
			continue
		}
		all := true
		for _, w := range accesses {
			if w.write && !holds(w, mu) {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

// exempt reports an access that needs no lock: in sync.Once, on a value the
// function builds, in a test that starts no goroutine, in init, in a
// function whose name or comments settle the question (lockedByContract),
// in a method of an unexported type that the package never names, or in a
// function whose every caller in the package holds mu.
func (r *run) exempt(a *access, mu types.Object) bool {
	if a.inOnce {
		return true
	}
	if root := rootIdent(a.expr); root != nil && a.loc.IsField() {
		if v, ok := r.Info.Uses[root].(*types.Var); ok && a.decl != nil && v.Pos() > a.decl.Pos() && v.Pos() < a.decl.End() && !isParamOf(a.decl, v) {
			return true // a value built in this function
		}
	}
	if r.quietTest(a) {
		return true // a test looking at internals while nothing else runs in it
	}
	fd := a.decl
	if fd == nil || !r.runsInDecl(a.path) {
		return false
	}
	if fd.Recv == nil && fd.Name.Name == "init" {
		return true
	}
	if r.lockedByContract(fd) {
		return true
	}
	if mu != nil {
		if fd.Recv != nil && !ast.IsExported(recvTypeName(fd)) && !r.mentioned(fd) {
			// A method of an unexported type that the package never
			// names (no call, no method value, no goroutine or handler
			// of it) runs only through an interface value handed out (a
			// batch's replay target, a config provider): its callers,
			// and the locks they hold, are out of sight.
			return true
		}
		return r.callersHoldFor(fd, a.loc, mu)
	}
	return false
}

// quietTest reports an access in a test function that starts no
// goroutine: nothing else runs while it looks at or sets up internals.
func (r *run) quietTest(a *access) bool {
	return a.decl != nil && r.InTest(a.node.Pos()) && !r.spawnsIn(a.decl)
}

// callersHoldFor is callersHold for a function that accesses loc, but
// false for API that only tests call in the package: its users, who call
// it from anywhere, are out of sight.
func (r *run) callersHoldFor(fd *ast.FuncDecl, loc *types.Var, mu types.Object) bool {
	if r.api(fd, loc) && !r.calledOutsideTests(fd) {
		return false
	}
	return r.callersHold(fd, mu, map[*ast.FuncDecl]bool{})
}

// calledOutsideTests reports whether the package calls fd outside its
// _test.go files.
func (r *run) calledOutsideTests(fd *ast.FuncDecl) bool {
	for _, c := range r.callers[fd] {
		if !r.InTest(c.call.Pos()) {
			return true
		}
	}
	return false
}

// mentioned reports whether the package names fd anywhere but in its
// declaration: a call, a method value, an entry.
func (r *run) mentioned(fd *ast.FuncDecl) bool {
	if len(r.callers[fd]) > 0 {
		return true
	}
	for _, e := range r.entries {
		if e.body == fd {
			return true
		}
	}
	if r.uses == nil {
		r.uses = map[types.Object]bool{}
		for _, obj := range r.Info.Uses {
			if fn, ok := obj.(*types.Func); ok {
				r.uses[fn.Origin()] = true
			}
		}
	}
	fn, _ := r.Info.Defs[fd.Name].(*types.Func)
	return fn != nil && r.uses[fn]
}

// callersHold reports whether every in-package call of fd holds mu, or is
// made from a function whose callers all hold it.
func (r *run) callersHold(fd *ast.FuncDecl, mu types.Object, seen map[*ast.FuncDecl]bool) bool {
	if seen[fd] {
		return true
	}
	seen[fd] = true
	calls := r.callers[fd]
	if len(calls) == 0 {
		return false
	}
	for _, c := range calls {
		if c.held[mu] != 0 || r.ownReceiver(c) || r.constructorCall(c) || r.quietTestCall(c) {
			continue
		}
		caller := c.decl
		if caller == nil {
			return false
		}
		if r.lockedByContract(caller) {
			continue
		}
		if !r.callersHold(caller, mu, seen) {
			return false
		}
	}
	return true
}

// ownReceiver reports a method call, in a test file, on a value that the
// calling test builds itself (a variable of its body, not a parameter):
// tests call unexported helpers on values no other goroutine has. (In
// other code, a function that builds a value and calls such a helper
// unlocked is what signal 1 is for.)
func (r *run) ownReceiver(c callInfo) bool {
	if !r.InTest(c.call.Pos()) {
		return false
	}
	sel, ok := ast.Unparen(c.call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	if s, ok := r.Info.Selections[sel]; !ok || s.Kind() != types.MethodVal {
		return false
	}
	root := rootIdent(sel.X)
	if root == nil {
		return false
	}
	v, ok := r.Info.Uses[root].(*types.Var)
	if !ok {
		return false
	}
	body := astutil.FuncBody(c.fn)
	return body != nil && body.Pos() <= v.Pos() && v.Pos() < body.End()
}

// isParamOf reports a receiver or parameter of fd: a value handed in. A
// named result starts as the zero value and is built by the function.
func isParamOf(fd *ast.FuncDecl, v *types.Var) bool {
	in := func(fl *ast.FieldList) bool {
		return fl != nil && fl.Pos() <= v.Pos() && v.Pos() < fl.End()
	}
	return in(fd.Recv) || in(fd.Type.Params)
}

func rootIdent(e ast.Expr) *ast.Ident {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			return x
		case *ast.SelectorExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		default:
			return nil
		}
	}
}

// muExpr returns the source of the mutex as seen from the access, or "".
func (r *run) muExpr(a *access, mu types.Object) (expr string, embedded bool) {
	if v, ok := mu.(*types.Var); ok && !v.IsField() && v.Parent() == r.Pkg.Scope() {
		return v.Name(), false
	}
	mv, ok := mu.(*types.Var)
	sel, ok2 := ast.Unparen(a.expr).(*ast.SelectorExpr)
	if !ok || !mv.IsField() || !ok2 || !a.loc.IsField() {
		return "", false
	}
	// The mutex must be a field of the struct holding the map.
	s := r.Info.Selections[sel]
	if s == nil || len(s.Index()) != 1 {
		return "", false
	}
	t := s.Recv()
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return "", false
	}
	for i := 0; i < st.NumFields(); i++ {
		if st.Field(i) == mv {
			x := types.ExprString(sel.X)
			if strings.Trim(x, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.") != "" {
				return "", false
			}
			return x + "." + mv.Name(), mv.Embedded()
		}
	}
	return "", false
}

// unguarded reports a, which skips mu; evidence says why mu guards the map.
func (r *run) unguarded(a *access, mu types.Object, evidence string) {
	if r.reported[a.node] {
		return
	}
	r.reported[a.node] = true
	what := "reads"
	if a.write {
		what = "writes"
	}
	expr, embedded := r.muExpr(a, mu)
	if expr == "" {
		// The mutex belongs to another value than the map (the other
		// accesses hold it for reasons of their own, say a syncer's lock
		// around a task's map): no evidence that it guards this map.
		return
	}
	f := rules.Finding{Rule: "sharedmap", Pos: a.node.Pos(), End: a.node.End(),
		Message: fmt.Sprintf("%s %s map %s without %s, %s", r.funcName(a), what, r.locName(a), mu.Name(), evidence)}
	stmt, parent, why := r.wrapTarget(a)
	if a.via != nil && why == "" && !astutil.VisibleAt(r.Info, a.expr, r.Pkg.Scope().Innermost(a.node.Pos()), a.node.Pos()) {
		why = fmt.Sprintf("%s is the map %s itself (line %d), whose lock cannot be named here: hold %s while using it, or copy the entries under the lock",
			a.via.Name(), types.ExprString(a.expr), r.Fset.Position(a.via.Pos()).Line, mu.Name())
	}
	switch {
	case why != "":
		f.NoFix = why
	case r.stmtLocks(stmt, mu):
		f.NoFix = "wrapping it could deadlock: the statement calls code that takes " + mu.Name()
	default:
		lock, unlock := "Lock", "Unlock"
		if !a.write && isRWMutex(mu.Type()) && !r.stmtWrites(stmt, a.loc) {
			lock, unlock = "RLock", "RUnlock"
		}
		recv := expr
		if embedded {
			recv = expr[:strings.LastIndex(expr, ".")]
		}
		f.Fix = wrapFix(stmt, parent, recv, lock, unlock)
	}
	r.out = append(r.out, f)
}

func (r *run) writeUnderRLock(a *access, mu types.Object) {
	if r.reported[a.node] {
		return
	}
	r.reported[a.node] = true
	if expr, _ := r.muExpr(a, mu); expr == "" {
		return // the read lock of another value: no evidence it guards this map
	}
	f := rules.Finding{Rule: "sharedmap", Pos: a.node.Pos(), End: a.node.End(),
		Message: fmt.Sprintf("%s writes map %s holding only the read lock of %s", r.funcName(a), r.locName(a), mu.Name())}
	var sels []*ast.Ident
	ast.Inspect(a.fn, func(n ast.Node) bool {
		if fl, ok := n.(*ast.FuncLit); ok && ast.Node(fl) != a.fn {
			return false
		}
		if c, ok := n.(*ast.CallExpr); ok {
			if obj, op := r.lockOp(c); obj == mu && (op == "RLock" || op == "RUnlock") {
				sels = append(sels, ast.Unparen(c.Fun).(*ast.SelectorExpr).Sel)
			}
		}
		return true
	})
	f.Fix = func(ctx *rules.FixContext) error {
		for _, s := range sels {
			id, ok := ctx.Node(s).(*dst.Ident)
			if !ok {
				return fmt.Errorf("lock call not found")
			}
			id.Name = strings.TrimPrefix(id.Name, "R")
		}
		return nil
	}
	r.out = append(r.out, f)
}

func (r *run) funcName(a *access) string {
	switch {
	case a.decl == nil:
		return "a function"
	case !r.runsInDecl(a.path):
		// Not under expire's contract: say where the code is, not whose.
		return "a function literal in " + a.decl.Name.Name
	}
	return a.decl.Name.Name
}

func isRWMutex(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := t.(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "sync" && n.Obj().Name() == "RWMutex"
}

// wrapTarget returns the smallest statement holding the access that sits in
// a statement list, and that list's owner; or why it cannot be wrapped.
func (r *run) wrapTarget(a *access) (ast.Stmt, ast.Node, string) {
	return r.wrapTargetRet(a, false)
}

// wrapTargetRet is wrapTarget; with allowReturn, a return statement is a
// target too (its fix locks before it and defers the unlock).
func (r *run) wrapTargetRet(a *access, allowReturn bool) (ast.Stmt, ast.Node, string) {
	p := a.path
	for i := len(p) - 1; i > 0; i-- {
		child := p[i]
		switch n := p[i-1].(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			return nil, nil, "the access is not in a statement"
		case *ast.IfStmt:
			if child == n.Init || child == n.Cond {
				return nil, nil, "wrapping would change scoping: the access is in an if statement's init or condition"
			}
		case *ast.SwitchStmt:
			if child == n.Init || child == n.Tag {
				return nil, nil, "wrapping would change scoping: the access is in a switch statement's init or tag"
			}
		case *ast.TypeSwitchStmt:
			if child == n.Init || child == n.Assign {
				return nil, nil, "wrapping would change scoping: the access is in a type switch's init"
			}
		case *ast.ForStmt:
			if child == n.Init || child == n.Cond || child == n.Post {
				return nil, nil, "wrapping would change scoping: the access is in a for statement's init, condition or post"
			}
		case *ast.CaseClause:
			if e, ok := child.(ast.Expr); ok && e != nil {
				return nil, nil, "wrapping would change scoping: the access is in a case expression"
			}
		case *ast.BlockStmt, *ast.CommClause:
		}
		if s, ok := child.(ast.Stmt); ok {
			switch p[i-1].(type) {
			case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
				switch s.(type) {
				case *ast.ReturnStmt:
					if !allowReturn {
						return nil, nil, "the access is in a labeled or return statement"
					}
				case *ast.LabeledStmt:
					return nil, nil, "the access is in a labeled or return statement"
				case *ast.DeferStmt:
					return nil, nil, "the access is in a defer statement, which runs it later"
				}
				if why := r.blocking(s); why != "" {
					return nil, nil, "wrapping would hold the lock across " + why
				}
				return s, p[i-1], ""
			}
		}
	}
	return nil, nil, "the access is not in a statement"
}

// blocking names a blocking operation in s (outside function literals).
func (r *run) blocking(s ast.Stmt) string {
	why := ""
	ast.Inspect(s, func(n ast.Node) bool {
		if why != "" {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.SendStmt:
			why = "a channel send"
		case *ast.UnaryExpr:
			if n.Op.String() == "<-" {
				why = "a channel receive"
			}
		case *ast.SelectStmt:
			why = "a select"
		case *ast.RangeStmt:
			if _, ok := r.Info.TypeOf(n.X).Underlying().(*types.Chan); ok {
				why = "a channel receive"
			}
		case *ast.CallExpr:
			if r.isFunc(n, "time", "Sleep") {
				why = "a time.Sleep"
			}
			if r.isMethod(n, "sync", "WaitGroup", "Wait") {
				why = "a WaitGroup.Wait"
			}
		}
		return true
	})
	return why
}

func (r *run) stmtLocks(s ast.Stmt, mu types.Object) bool {
	found := false
	ast.Inspect(s, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok {
			if obj, op := r.lockOp(c); obj == mu && (op == "Lock" || op == "RLock") {
				found = true
			}
			if g := r.callee(c); g != nil && r.funcLocks(g)[mu] {
				found = true
			}
		}
		return !found
	})
	return found
}

func (r *run) stmtWrites(s ast.Stmt, loc *types.Var) bool {
	for _, a := range r.accesses {
		if a.loc == loc && a.write && a.node.Pos() >= s.Pos() && a.node.End() <= s.End() {
			return true
		}
	}
	return false
}

// wrapFix puts recv.lock() before stmt and recv.unlock() after it.
func wrapFix(stmt ast.Stmt, parent ast.Node, recv, lock, unlock string) rules.Fix {
	return func(ctx *rules.FixContext) error {
		return wrapStmts(ctx, parent, stmt, stmt, recv, lock, unlock, false)
	}
}

func callStmt(recv, method string) *dst.ExprStmt {
	var x dst.Expr
	for i, part := range strings.Split(recv, ".") {
		if i == 0 {
			x = dst.NewIdent(part)
		} else {
			x = &dst.SelectorExpr{X: x, Sel: dst.NewIdent(part)}
		}
	}
	return &dst.ExprStmt{X: &dst.CallExpr{Fun: &dst.SelectorExpr{X: x, Sel: dst.NewIdent(method)}}}
}

// quietTestCall reports a call made from a function of a _test.go file
// that starts no goroutine (or from a closure that function runs): a test
// driving an internal method step by step while nothing else runs, which
// says nothing about the lock its real callers hold.
func (r *run) quietTestCall(c callInfo) bool {
	return c.decl != nil && r.InTest(c.call.Pos()) && !r.spawnsIn(c.decl)
}

// spawnsIn reports a function that starts a goroutine or registers a
// handler itself.
func (r *run) spawnsIn(fd *ast.FuncDecl) bool {
	return r.spawnsBefore(fd, fd.End())
}

// spawnsBefore reports a goroutine started, or a handler registered, by fd
// before pos.
func (r *run) spawnsBefore(fd *ast.FuncDecl, pos token.Pos) bool {
	for _, e := range r.entries {
		if e.stmt != nil && fd.Pos() <= e.stmt.Pos() && e.stmt.Pos() < pos {
			return true
		}
	}
	return false
}

// constructorCall reports a method call, in a function that returns the
// receiver's type (a constructor), on a value the function builds itself,
// made before the function starts any goroutine: the value is not shared
// yet.
func (r *run) constructorCall(c callInfo) bool {
	fd, ok := c.fn.(*ast.FuncDecl)
	if !ok || fd.Type.Results == nil {
		return false
	}
	sel, ok := ast.Unparen(c.call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	s, ok := r.Info.Selections[sel]
	if !ok || s.Kind() != types.MethodVal {
		return false
	}
	root, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := r.Info.Uses[root].(*types.Var)
	if !ok || !(fd.Body.Pos() <= v.Pos() && v.Pos() < fd.Body.End()) {
		return false
	}
	returns := false
	for _, res := range fd.Type.Results.List {
		if types.Identical(r.Info.TypeOf(res.Type), v.Type()) {
			returns = true
		}
	}
	return returns && !r.spawnsBefore(fd, c.call.Pos())
}
