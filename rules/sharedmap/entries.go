package sharedmap

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strings"

	"github.com/mapfix/mapfix/rules/internal/astutil"
	"github.com/mapfix/mapfix/rules/internal/callees"
)

// A entry is code that runs on a goroutine of its own: a function literal
// or a declared function or method started with go, WaitGroup.Go,
// errgroup.Group.Go or time.AfterFunc, or an HTTP handler.
type entry struct {
	lit  *ast.FuncLit  // the function run, when it is a literal
	body *ast.FuncDecl // the function run, when it is declared
	// bind maps the receiver and parameters of body to the values the
	// spawner passed, as keys in the spawner's frame.
	bind    map[types.Object]entryKey
	handler bool     // net/http runs it once per request, so alongside itself
	spawner ast.Node // the function holding the spawn or registration (body itself for ServeHTTP)
	frame   ast.Node // the run that spawner belongs to (see ctxOf): where keys are named
	stmt    ast.Stmt // the statement that spawns or registers it; nil for ServeHTTP methods
	loop    ast.Node // innermost loop around stmt in spawner, or nil
	from    token.Pos
	join    token.Pos // end of the window in which the spawner runs alongside
	serves  bool      // the spawner starts serving HTTP in that window
	release token.Pos // see releasePoint; NoPos until asked
	desc    string

	// Filled by the walks.
	occs   []occ             // accesses that run on the goroutine
	window []occ             // accesses the spawner makes while it runs
	funcs  map[ast.Node]bool // functions that run on the goroutine
	winFns map[ast.Node]bool // functions the spawner calls while it runs
	multi  bool              // several instances can run at once
}

// A entryKey names the struct value that holds a field: a variable of the
// frame that spawned the goroutine (or a package variable), followed by
// field selections. obj is nil when the value is not known to be shared.
type entryKey struct {
	obj  types.Object
	path string
}

// An occ is an access as it runs in some context.
type occ struct {
	a      *access
	key    entryKey
	locked bool // a lock is held on the way to it
	e      *entry
	window bool // made by e's spawner while e runs
}

type litKind int

const (
	litSync    litKind = iota // runs where it is written (called, deferred, passed to a call)
	litEntry                  // runs on a goroutine of its own
	litUnknown                // stored or sent: when and where it runs is not known
)

// funcTarget returns the function that e denotes: a literal, a declared
// function, or a method value with its receiver expression.
func (r *run) funcTarget(e ast.Expr) (*ast.FuncLit, *ast.FuncDecl, ast.Expr) {
	switch e := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		return e, nil, nil
	case *ast.Ident:
		if fn, ok := r.Info.Uses[e].(*types.Func); ok {
			return nil, r.decls[fn.Origin()], nil
		}
	case *ast.SelectorExpr:
		if s, ok := r.Info.Selections[e]; ok {
			if s.Kind() == types.MethodVal {
				if fn, ok := s.Obj().(*types.Func); ok && r.decls[fn.Origin()] != nil {
					return nil, r.decls[fn.Origin()], e.X
				}
			}
			return nil, nil, nil
		}
		if fn, ok := r.Info.Uses[e.Sel].(*types.Func); ok {
			return nil, r.decls[fn.Origin()], nil
		}
	}
	return nil, nil, nil
}

// isHandlerSig reports a func(http.ResponseWriter, *http.Request).
func isHandlerSig(t types.Type) bool { return callees.IsHandlerSig(t) }

// spawnOf recognises n as a spawn or a handler registration and returns
// the function it runs, its receiver expression, the arguments that become
// its parameters, whether it is a handler, and a description.
func (r *run) spawnOf(n ast.Node) (lit *ast.FuncLit, decl *ast.FuncDecl, recv ast.Expr, args []ast.Expr, handler bool, desc string) {
	switch n := n.(type) {
	case *ast.GoStmt:
		lit, decl, recv = r.funcTarget(n.Call.Fun)
		if decl != nil {
			desc = "go " + types.ExprString(n.Call.Fun) + "()"
		} else {
			desc = "go func"
		}
		return lit, decl, recv, n.Call.Args, false, desc
	case *ast.CallExpr:
		switch {
		case r.isMethod(n, "sync", "WaitGroup", "Go") && len(n.Args) == 1:
			lit, decl, recv = r.funcTarget(n.Args[0])
			desc = "WaitGroup.Go"
		case r.isMethod(n, "golang.org/x/sync/errgroup", "Group", "Go") && len(n.Args) == 1:
			lit, decl, recv = r.funcTarget(n.Args[0])
			desc = "errgroup Go"
		case r.isFunc(n, "time", "AfterFunc") && len(n.Args) == 2:
			lit, decl, recv = r.funcTarget(n.Args[1])
			desc = "time.AfterFunc"
		case len(n.Args) == 1 && r.isHandlerFuncConv(n):
			lit, decl, recv = r.funcTarget(n.Args[0])
			handler, desc = true, "HTTP handler"
		case len(n.Args) == 2 && r.calleeName(n) == "HandleFunc" && isHandlerSig(r.Info.TypeOf(n.Args[1])):
			lit, decl, recv = r.funcTarget(n.Args[1])
			handler, desc = true, "HTTP handler"
		}
		if lit == nil && decl == nil {
			return nil, nil, nil, nil, false, ""
		}
		if decl != nil {
			desc += " " + decl.Name.Name
		}
		return lit, decl, recv, nil, handler, desc
	}
	return nil, nil, nil, nil, false, ""
}

func (r *run) isHandlerFuncConv(c *ast.CallExpr) bool { return callees.IsHandlerFuncConv(r.Info, c) }

func (r *run) calleeName(c *ast.CallExpr) string {
	switch f := ast.Unparen(c.Fun).(type) {
	case *ast.Ident:
		return f.Name
	case *ast.SelectorExpr:
		return f.Sel.Name
	}
	return ""
}

// isServeCall recognises a call that starts serving HTTP requests.
func (r *run) isServeCall(c *ast.CallExpr) bool {
	switch {
	case r.isFunc(c, "net/http", "ListenAndServe"), r.isFunc(c, "net/http", "ListenAndServeTLS"),
		r.isFunc(c, "net/http", "Serve"), r.isFunc(c, "net/http", "ServeTLS"),
		r.isMethod(c, "net/http", "Server", "ListenAndServe"), r.isMethod(c, "net/http", "Server", "ListenAndServeTLS"),
		r.isMethod(c, "net/http", "Server", "Serve"), r.isMethod(c, "net/http", "Server", "ServeTLS"),
		r.isFunc(c, "net/http/httptest", "NewServer"), r.isFunc(c, "net/http/httptest", "NewTLSServer"),
		r.isMethod(c, "net/http/httptest", "Server", "Start"), r.isMethod(c, "net/http/httptest", "Server", "StartTLS"):
		return true
	}
	return false
}

// findEntries records every entry of the package and classifies each
// function literal: run in place, on a goroutine, or unknown.
func (r *run) findEntries() {
	r.litKinds = map[*ast.FuncLit]litKind{}
	for _, f := range r.Files {
		var stack []ast.Node
		ast.Inspect(f, func(n ast.Node) bool {
			if n == nil {
				stack = stack[:len(stack)-1]
				return false
			}
			stack = append(stack, n)
			switch n := n.(type) {
			case *ast.FuncLit:
				if _, seen := r.litKinds[n]; !seen {
					r.litKinds[n] = r.litKindOf(stack)
				}
			case *ast.FuncDecl:
				if n.Recv != nil && n.Name.Name == "ServeHTTP" && n.Body != nil && !r.InTest(n.Pos()) {
					if fn, ok := r.Info.Defs[n.Name].(*types.Func); ok && isHandlerSig(fn.Type()) {
						e := &entry{body: n, handler: true, spawner: n, frame: n, desc: "HTTP handler " + recvTypeName(n) + ".ServeHTTP",
							bind: map[types.Object]entryKey{}}
						if rv := recvVar(r.Info, n); rv != nil {
							e.bind[rv] = entryKey{obj: rv}
						}
						r.entries = append(r.entries, e)
					}
				}
			case *ast.GoStmt, *ast.CallExpr:
				lit, decl, recv, args, handler, desc := r.spawnOf(n)
				if lit == nil && (decl == nil || decl.Body == nil) {
					return true
				}
				if lit != nil {
					r.litKinds[lit] = litEntry
				}
				e := &entry{lit: lit, body: decl, handler: handler, desc: desc}
				if !r.placeEntry(e, stack) {
					return true
				}
				if handler && r.InTest(n.Pos()) {
					// A test's server mostly gets one request at a time; with
					// concurrent ones, go test -race sees the race itself.
					e.handler = false
				}
				if decl != nil {
					e.bind = r.bindCall(decl, recv, args, func(o types.Object) entryKey { return r.frameKey(o, e.frame) })
				}
				r.entries = append(r.entries, e)
			}
			return true
		})
	}
	for _, e := range r.entries {
		if e.stmt != nil && !e.handler && e.from != token.NoPos {
			r.joinOf(e) // a handler has no window: it runs when requests come
		}
	}
}

func recvTypeName(fd *ast.FuncDecl) string {
	t := fd.Recv.List[0].Type
	if s, ok := t.(*ast.StarExpr); ok {
		t = s.X
	}
	switch t := t.(type) {
	case *ast.IndexExpr:
		return types.ExprString(t.X)
	case *ast.IndexListExpr:
		return types.ExprString(t.X)
	}
	return types.ExprString(t)
}

func recvVar(info *types.Info, fd *ast.FuncDecl) types.Object {
	if fd.Recv == nil || len(fd.Recv.List) == 0 || len(fd.Recv.List[0].Names) == 0 {
		return nil
	}
	return info.Defs[fd.Recv.List[0].Names[0]]
}

// litKindOf classifies the function literal at the end of stack.
func (r *run) litKindOf(stack []ast.Node) litKind {
	lit := stack[len(stack)-1]
	if len(stack) < 2 {
		return litUnknown
	}
	switch p := stack[len(stack)-2].(type) {
	case *ast.CallExpr:
		if p.Fun == lit {
			return litSync // called in place, also by defer (go is an entry)
		}
		return r.argKind(p, lit.(*ast.FuncLit))
	case *ast.AssignStmt:
		for i, rhs := range p.Rhs {
			if rhs == lit && i < len(p.Lhs) {
				if id, ok := p.Lhs[i].(*ast.Ident); ok {
					if v, ok := r.Info.ObjectOf(id).(*types.Var); ok && v.Parent() != r.Pkg.Scope() {
						return litSync // a local function
					}
				}
			}
		}
	case *ast.ValueSpec:
		if len(stack) >= 4 {
			if _, ok := stack[len(stack)-4].(*ast.DeclStmt); ok {
				return litSync
			}
		}
	case *ast.ParenExpr:
		return litSync
	}
	return litUnknown
}

// placeEntry finds the spawner, statement and loop of an entry spawned or
// registered at the end of stack.
func (r *run) placeEntry(e *entry, stack []ast.Node) bool {
	for i := len(stack) - 1; i >= 1; i-- {
		switch s := stack[i].(type) {
		case *ast.FuncLit:
			if s != e.lit {
				e.spawner = s
			}
		case *ast.FuncDecl:
			e.spawner = s
		case *ast.ForStmt, *ast.RangeStmt:
			if e.loop == nil && e.stmt != nil && e.spawner == nil {
				e.loop = s
			}
		}
		if st, ok := stack[i].(ast.Stmt); ok && e.stmt == nil {
			switch stack[i-1].(type) {
			case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
				e.stmt = st
			}
		}
		if e.spawner != nil && e.frame == nil {
			switch s := stack[i].(type) {
			case *ast.FuncDecl:
				e.frame = s
			case *ast.FuncLit:
				if s != e.lit && r.litKinds[s] != litSync {
					e.frame = s
				}
			}
		}
		if e.frame != nil {
			break
		}
	}
	if e.spawner == nil || e.stmt == nil {
		return false
	}
	if l := asLit(e.frame); l != nil && r.litKinds[l] == litUnknown {
		e.frame = nil // where it runs is not known: only local() looks at it
	}
	if e.handler {
		e.loop = nil
		return true
	}
	if e.loop != nil && r.tokenPassed(e, stack) {
		e.loop = nil // one instance at a time, however often the loop turns
	}
	if e.loop != nil && r.InTest(e.stmt.Pos()) {
		// As for a test's handlers: a test's fake server mostly serves one
		// connection at a time, and go test -race judges the code tests
		// run.
		e.loop = nil
	}
	e.from = e.stmt.End()
	if e.loop != nil {
		e.from = e.loop.Pos()
	}
	return true
}

// tokenPassed reports a goroutine started only on receiving from a channel
// that the goroutine sends on when it ends (tailscale's relayManager: case
// <-r.runLoopStoppedCh: go r.runLoop(), and runLoop's deferred send on
// runLoopStoppedCh): the channel holds the token of the one running
// instance, so a loop around the go statement does not start several.
func (r *run) tokenPassed(e *entry, stack []ast.Node) bool {
	var tok types.Object
	for i := len(stack) - 1; i >= 1 && tok == nil; i-- {
		cc, ok := stack[i].(*ast.CommClause)
		if !ok {
			continue
		}
		if !slices.Contains(cc.Body, e.stmt) {
			return false
		}
		ch := received(cc.Comm)
		if ch == nil {
			return false
		}
		tok = r.chanObj(ch)
	}
	body := astutil.FuncBody(e.fn())
	if tok == nil || body == nil {
		return false
	}
	found := false
	for _, st := range body.List {
		d, ok := st.(*ast.DeferStmt)
		if !ok {
			continue
		}
		ast.Inspect(d, func(n ast.Node) bool {
			if send, ok := n.(*ast.SendStmt); ok && r.chanObj(send.Chan) == tok {
				found = true
			}
			return !found
		})
	}
	return found
}

// fn returns the function that e runs: its literal or its declaration; nil
// when neither is known.
func (e *entry) fn() ast.Node {
	if e.lit != nil {
		return e.lit
	}
	if e.body != nil {
		return e.body
	}
	return nil
}

// received returns the channel that statement s receives from (<-c,
// v := <-c, v, ok = <-c), or nil.
func received(s ast.Stmt) ast.Expr {
	var x ast.Expr
	switch s := s.(type) {
	case *ast.ExprStmt:
		x = s.X
	case *ast.AssignStmt:
		if len(s.Rhs) == 1 {
			x = s.Rhs[0]
		}
	}
	if u, ok := ast.Unparen(x).(*ast.UnaryExpr); ok && u.Op == token.ARROW {
		return u.X
	}
	return nil
}

// chanObj returns the variable or field that a channel expression names.
func (r *run) chanObj(x ast.Expr) types.Object {
	switch x := ast.Unparen(x).(type) {
	case *ast.Ident:
		return r.Info.Uses[x]
	case *ast.SelectorExpr:
		return r.Info.Uses[x.Sel]
	}
	return nil
}

// joinOf sets the end of e's window: the first Wait() call, channel
// receive or select of the spawner after the spawn.
func (r *run) joinOf(e *entry) {
	e.join = e.spawner.End()
	ast.Inspect(e.spawner, func(n ast.Node) bool {
		if n == nil || n.Pos() < e.stmt.End() || n.Pos() >= e.join {
			return n != nil && n.End() > e.stmt.End()
		}
		if fl, ok := n.(*ast.FuncLit); ok && !(fl.Pos() <= e.stmt.Pos() && e.stmt.Pos() < fl.End()) {
			return false
		}
		join := r.waitOp(n)
		if c, ok := n.(*ast.CallExpr); ok && !join {
			// A call into the package that waits: the wait may be the join.
			if fd := r.callee(c); fd != nil && r.funcWaits(fd, 0) {
				join = true
			}
		}
		if join {
			e.join = n.Pos()
			return false
		}
		return true
	})
}

// waitOp reports a node that can wait for a goroutine: a Wait() call, a
// channel receive (also by range), a select.
func (r *run) waitOp(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.CallExpr:
		sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr)
		return ok && sel.Sel.Name == "Wait" && len(n.Args) == 0
	case *ast.UnaryExpr:
		return n.Op == token.ARROW
	case *ast.RangeStmt:
		if t := r.Info.TypeOf(n.X); t != nil {
			_, ok := t.Underlying().(*types.Chan)
			return ok
		}
	case *ast.SelectStmt:
		return true
	}
	return false
}

// funcWaits reports whether fd, or what it calls in the package, receives
// from a channel, selects or calls a Wait method: something that can order
// it after a goroutine's work.
func (r *run) funcWaits(fd *ast.FuncDecl, depth int) bool {
	if w, ok := r.memoWait[fd]; ok {
		return w
	}
	r.memoWait[fd] = false
	if fd.Body == nil || depth > maxDepth {
		return false
	}
	w := false
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		if w {
			return false
		}
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		w = r.waitOp(n)
		if c, ok := n.(*ast.CallExpr); ok && !w {
			if g := r.callee(c); g != nil && r.funcWaits(g, depth+1) {
				w = true
			}
		}
		return !w
	})
	r.memoWait[fd] = w
	return w
}

// ctxOf returns the function whose run an access or call at the end of
// path belongs to: the innermost declared function or entry literal, going
// through literals that run in place; nil inside a literal whose caller is
// not known.
func (r *run) ctxOf(path []ast.Node) ast.Node {
	for i := len(path) - 1; i >= 0; i-- {
		switch n := path[i].(type) {
		case *ast.FuncLit:
			switch r.litKinds[n] {
			case litEntry:
				return n
			case litUnknown:
				return nil
			}
		case *ast.FuncDecl:
			return n
		}
	}
	return nil
}

// frameKey is the key of a variable as seen from the function frame
// itself: package variables and the frame's own variables.
func (r *run) frameKey(o types.Object, frame ast.Node) entryKey {
	v, ok := o.(*types.Var)
	if !ok {
		return entryKey{}
	}
	if v.Parent() == r.Pkg.Scope() {
		return entryKey{obj: v}
	}
	if frame != nil && frame.Pos() <= v.Pos() && v.Pos() < frame.End() {
		return entryKey{obj: v}
	}
	return entryKey{}
}

// exprKey returns the key of a chain expression x, x.f, &x, *x, x.f.g,
// with lookup giving the key of its root variable.
func (r *run) exprKey(e ast.Expr, lookup func(types.Object) entryKey) entryKey {
	var path []string
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			k := lookup(r.Info.Uses[x])
			if k.obj == nil {
				return entryKey{}
			}
			for i := len(path) - 1; i >= 0; i-- {
				k.path += "." + path[i]
			}
			return k
		case *ast.SelectorExpr:
			s, ok := r.Info.Selections[x]
			if !ok {
				if v, ok := r.Info.Uses[x.Sel].(*types.Var); ok && v.Pkg() == r.Pkg {
					e = x.Sel
					continue
				}
				return entryKey{}
			}
			if s.Kind() != types.FieldVal {
				return entryKey{}
			}
			path = append(path, x.Sel.Name)
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.UnaryExpr:
			if x.Op != token.AND {
				return entryKey{}
			}
			e = x.X
		default:
			return entryKey{}
		}
	}
}

// bindCall maps the receiver and parameters of fd to the keys of the
// receiver expression and arguments of a call.
func (r *run) bindCall(fd *ast.FuncDecl, recv ast.Expr, args []ast.Expr, lookup func(types.Object) entryKey) map[types.Object]entryKey {
	bind := map[types.Object]entryKey{}
	if rv := recvVar(r.Info, fd); rv != nil && recv != nil {
		if k := r.exprKey(recv, lookup); k.obj != nil {
			bind[rv] = k
		}
	}
	i := 0
	for _, field := range fd.Type.Params.List {
		if _, ok := field.Type.(*ast.Ellipsis); ok {
			break
		}
		for _, name := range field.Names {
			if i < len(args) {
				if k := r.exprKey(args[i], lookup); k.obj != nil {
					if o := r.Info.Defs[name]; o != nil {
						bind[o] = k
					}
				}
			}
			i++
		}
		if len(field.Names) == 0 {
			i++
		}
	}
	return bind
}

func bindSig(fn ast.Node, bind map[types.Object]entryKey) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%p", fn)
	var parts []string
	for o, k := range bind {
		parts = append(parts, fmt.Sprintf("%p=%p%s", o, k.obj, k.path))
	}
	sort.Strings(parts)
	for _, p := range parts {
		b.WriteString(";" + p)
	}
	return b.String()
}

const maxDepth = 6
const maxVisits = 400

// An walker collects what a run reaches.
type walker struct {
	seen   map[string]bool
	funcs  map[ast.Node]bool
	visits int
	out    []occ
}

// walk visits fn as it runs with bind, and the in-package functions it
// calls, down to maxDepth. lookup gives the keys of fn's own variables
// (the frame at depth 0); from depth 1 on only bound parameters and
// package variables are known. Only the part of fn in [lo, hi) is visited
// when hi is set.
func (r *run) walk(w *walker, fn ast.Node, bind map[types.Object]entryKey, lookup func(types.Object) entryKey, locked bool, depth int, lo, hi token.Pos) {
	if depth > maxDepth || w.visits > maxVisits {
		return
	}
	if hi == token.NoPos {
		sig := bindSig(fn, bind) + fmt.Sprint(locked)
		if w.seen[sig] {
			return
		}
		w.seen[sig] = true
	}
	w.visits++
	w.funcs[fn] = true
	key := func(o types.Object) entryKey {
		if v, ok := o.(*types.Var); ok && v.Parent() == r.Pkg.Scope() {
			return entryKey{obj: v}
		}
		if k, ok := bind[o]; ok {
			return k
		}
		if lookup != nil {
			return lookup(o)
		}
		return entryKey{}
	}
	in := func(p token.Pos) bool { return hi == token.NoPos || lo <= p && p < hi }
	for _, a := range r.ctxAcc[fn] {
		if !in(a.node.Pos()) {
			continue
		}
		o := occ{a: a, locked: locked || a.guarded}
		if a.loc.IsField() {
			if sel, ok := ast.Unparen(a.expr).(*ast.SelectorExpr); ok {
				o.key = r.exprKey(sel.X, key)
			}
		} else if k, ok := bind[a.loc]; ok && k.path == "" {
			o.key = k // a parameter: the map its caller passed
		} else {
			o.key = entryKey{obj: a.loc}
		}
		w.out = append(w.out, o)
	}
	for _, c := range r.ctxCalls[fn] {
		if !in(c.call.Pos()) {
			continue
		}
		var recv ast.Expr
		if sel, ok := ast.Unparen(c.call.Fun).(*ast.SelectorExpr); ok {
			if s, ok := r.Info.Selections[sel]; ok && s.Kind() == types.MethodVal {
				recv = sel.X
			}
		}
		r.walk(w, c.decl, r.bindCall(c.decl, recv, c.call.Args, key), nil, locked || c.guarded, depth+1, token.NoPos, token.NoPos)
	}
}

// walkEntries fills each entry's accesses, on its goroutine and in its
// spawner's window, and which entries can run in several instances.
func (r *run) walkEntries() {
	for _, e := range r.entries {
		if e.frame == nil {
			continue
		}
		w := &walker{seen: map[string]bool{}, funcs: map[ast.Node]bool{}}
		if e.lit != nil {
			lit := e.lit
			r.walk(w, lit, nil, func(o types.Object) entryKey {
				if v, ok := o.(*types.Var); ok && !(lit.Pos() <= v.Pos() && v.Pos() < lit.End()) {
					return r.frameKey(v, e.spawner)
				}
				return entryKey{}
			}, false, 0, token.NoPos, token.NoPos)
		} else {
			r.walk(w, e.body, e.bind, nil, false, 0, token.NoPos, token.NoPos)
		}
		e.occs, e.funcs = w.out, w.funcs
		for i := range e.occs {
			e.occs[i].e = e
		}
		if e.stmt != nil && !e.handler && e.join > e.from {
			ww := &walker{seen: map[string]bool{}, funcs: map[ast.Node]bool{}}
			sp := e.frame
			r.walk(ww, sp, nil, func(o types.Object) entryKey { return r.frameKey(o, sp) }, false, 0, e.from, e.join)
			for _, o := range ww.out {
				if o.a.node.Pos() >= e.stmt.Pos() && o.a.node.Pos() < e.stmt.End() {
					continue // the spawn statement itself, evaluated before the goroutine starts
				}
				o.e, o.window = e, true
				e.window = append(e.window, o)
			}
			e.winFns = ww.funcs
			delete(e.winFns, sp)
			ast.Inspect(sp, func(n ast.Node) bool {
				if c, ok := n.(*ast.CallExpr); ok && c.Pos() >= e.from && c.Pos() < e.join && r.isServeCall(c) {
					e.serves = true
				}
				return !e.serves
			})
		}
		e.multi = e.handler || e.loop != nil
	}
	// A goroutine spawned by code that runs in several instances.
	for range 2 {
		for _, e := range r.entries {
			if e.multi || e.frame == nil {
				continue
			}
			for _, o := range r.entries {
				if o != e && o.multi && o.funcs[e.frame] {
					e.multi = true
				}
			}
		}
	}
}

func asLit(n ast.Node) *ast.FuncLit {
	l, _ := n.(*ast.FuncLit)
	return l
}

// syncPkgs call the functions they are given before they return.
var syncPkgs = map[string]bool{
	"sort": true, "slices": true, "maps": true, "strings": true, "bytes": true, "iter": true,
	"path/filepath": true, "io/fs": true, "sync": true, "testing": true, "unicode": true,
	"regexp": true, "container/heap": true,
}

// argKind classifies a function literal passed to a call: run in place
// when the callee is a function of a package known to call it before
// returning, or a function of this package that only calls the parameter
// (not storing, sending or wrapping it); unknown otherwise.
func (r *run) argKind(c *ast.CallExpr, lit *ast.FuncLit) litKind {
	var id *ast.Ident
	switch f := ast.Unparen(c.Fun).(type) {
	case *ast.Ident:
		id = f
	case *ast.SelectorExpr:
		id = f.Sel
	case *ast.IndexExpr:
		if x, ok := f.X.(*ast.Ident); ok {
			id = x
		}
	}
	if id == nil {
		return litUnknown
	}
	fn, ok := r.Info.Uses[id].(*types.Func)
	if !ok || fn.Pkg() == nil {
		return litUnknown
	}
	if fn.Pkg() != r.Pkg {
		if syncPkgs[fn.Pkg().Path()] {
			return litSync
		}
		return litUnknown
	}
	fd := r.decls[fn.Origin()]
	if fd == nil || fd.Body == nil {
		return litUnknown
	}
	idx := -1
	for i, a := range c.Args {
		if ast.Unparen(a) == ast.Expr(lit) {
			idx = i
		}
	}
	var param types.Object
	i := 0
	for _, field := range fd.Type.Params.List {
		names := field.Names
		if len(names) == 0 {
			i++
			continue
		}
		for _, n := range names {
			if i == idx {
				param = r.Info.Defs[n]
			}
			i++
		}
	}
	if param == nil {
		return litUnknown
	}
	kind := litSync
	var stack []ast.Node
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return false
		}
		stack = append(stack, n)
		id, ok := n.(*ast.Ident)
		if !ok || r.Info.Uses[id] != param {
			return true
		}
		for _, a := range stack {
			if _, ok := a.(*ast.FuncLit); ok {
				kind = litUnknown // wrapped in another function
			}
		}
		if len(stack) < 2 {
			kind = litUnknown
		} else if call, ok := stack[len(stack)-2].(*ast.CallExpr); !ok || call.Fun != ast.Expr(id) || spawned(stack[:len(stack)-1]) {
			kind = litUnknown // stored, sent, passed on or started with go
		}
		return true
	})
	return kind
}
