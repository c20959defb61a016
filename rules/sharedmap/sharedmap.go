package sharedmap

import (
	"go/ast"
	"go/types"
	"maps"
	"sort"
	"strings"

	"github.com/mapfix/mapfix/rules"
	"github.com/mapfix/mapfix/rules/internal/astutil"
	"github.com/mapfix/mapfix/rules/internal/callees"
)

// Rule is the sharedmap rule, as the mapfix engine runs it.
var Rule = &rules.Rule{
	Name: "sharedmap",
	Doc:  "maps written from several goroutines without a lock",
	Help: "A map written by one goroutine while another reads or writes it crashes the process with " +
		"\"concurrent map writes\", which recover cannot catch. Reported when an access skips the mutex that the " +
		"other accesses to the same map hold, when a write holds only an RLock, or when a map (a captured local, a " +
		"package variable, or a field of a struct value shared between goroutines) is written by code that runs on a " +
		"goroutine (go, errgroup/WaitGroup Go, time.AfterFunc, an HTTP handler, and the package functions they call) " +
		"while another goroutine, another run of the same one (a go in a loop, a handler), or the spawner before it " +
		"joins can access it, with no lock held. The fix wraps the access in the guarding lock, or adds a mutex " +
		"beside the map (a variable, or a field of a struct never copied by value) and wraps every access.",
	Run: runSharedmap,
}

type lockMode int

const (
	readLock  lockMode = 1 // RLock
	writeLock lockMode = 2 // Lock
)

// A access is one read or write of a map location.
type access struct {
	loc    *types.Var
	expr   ast.Expr // the map operand: an identifier or a selector
	node   ast.Node // the index expression, call or range statement
	write  bool
	file   *ast.File
	path   []ast.Node // ancestors, outermost first, ending with node
	fn     ast.Node   // innermost *ast.FuncDecl or *ast.FuncLit
	decl   *ast.FuncDecl
	held   map[types.Object]lockMode
	inOnce bool
	// ctx is the run the access belongs to (see ctxOf), nil when unknown;
	// guarded says that some lock, or something named like one, is held.
	ctx     ast.Node
	guarded bool
	// via is the local variable the access goes through when it holds a
	// copy of the reference to the map (keys := c.keys); expr is then
	// the expression copied, and the access counts only for inconsistent
	// locking.
	via *types.Var
}

type run struct {
	*rules.Pass
	out      []rules.Finding
	accesses []*access
	decls    map[*types.Func]*ast.FuncDecl
	// call sites of each function of the package, with the locks they hold
	callers map[*ast.FuncDecl][]callInfo
	// lockers: functions that take each mutex, transitively
	locksMemo map[*ast.FuncDecl]map[types.Object]bool
	reported  map[ast.Node]bool

	// goroutine reach
	entries  []*entry
	litKinds map[*ast.FuncLit]litKind
	ctxAcc   map[ast.Node][]*access
	ctxCalls map[ast.Node][]callSite
	memoBlk  map[*ast.FuncDecl]string
	memoWait map[*ast.FuncDecl]bool
	// running holds the accesses of the location being fixed that run on a
	// goroutine or in a spawner's window: a constructor's among them is
	// not exempt from the lock.
	running map[*access]bool
	// onGoroutine: the code that runs on goroutines (goroutineCode)
	onGoroutine map[ast.Node]bool
	// uses: the functions and methods the package names (mentioned)
	uses map[types.Object]bool
	// contract: what each function's name and comments say (lockedByContract)
	contract map[*ast.FuncDecl]bool
	// declLocs: the map locations each function accesses (funcUses)
	declLocs map[*ast.FuncDecl]map[*types.Var]bool
	// aliases: locals holding a copy of a map reference (findAliases);
	// viaAlias: the accesses through them
	aliases  map[*types.Var]alias
	viaAlias []*access
	// assignedLocs: the map locations each function assigns (wholeAssigns)
	assignedLocs map[*ast.FuncDecl]map[*types.Var]bool
	// effects: what calling each lock helper leaves held (lockEffect)
	effects map[*ast.FuncDecl]*lockEffect
}

// A callSite is a static call of an in-package function, by the run it
// belongs to.
type callSite struct {
	call    *ast.CallExpr
	decl    *ast.FuncDecl
	guarded bool
}

type callInfo struct {
	call *ast.CallExpr
	held map[types.Object]lockMode
	fn   ast.Node
	// decl is the function declaration whose run makes the call: the one
	// around it, when the call is in no function literal or only in ones
	// run in place or handed to a call; nil otherwise.
	decl *ast.FuncDecl
}

func runSharedmap(p *rules.Pass) []rules.Finding {
	r := &run{Pass: p, decls: map[*types.Func]*ast.FuncDecl{},
		callers: map[*ast.FuncDecl][]callInfo{}, locksMemo: map[*ast.FuncDecl]map[types.Object]bool{},
		reported: map[ast.Node]bool{}, ctxAcc: map[ast.Node][]*access{}, ctxCalls: map[ast.Node][]callSite{},
		memoBlk: map[*ast.FuncDecl]string{}, memoWait: map[*ast.FuncDecl]bool{}, contract: map[*ast.FuncDecl]bool{},
		effects: map[*ast.FuncDecl]*lockEffect{}, assignedLocs: map[*ast.FuncDecl]map[*types.Var]bool{}}
	for _, f := range p.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok {
				if fn, ok := p.Info.Defs[fd.Name].(*types.Func); ok {
					r.decls[fn] = fd
				}
			}
		}
	}
	r.findEntries()
	r.aliases = r.findAliases()
	for _, f := range p.Files {
		r.collect(f)
	}
	if len(r.accesses) == 0 {
		return nil
	}
	r.inconsistent()
	r.reach()
	sort.SliceStable(r.out, func(i, j int) bool { return r.out[i].Pos < r.out[j].Pos })
	return r.out
}

// collect records the map accesses and the in-package call sites of f.
func (r *run) collect(f *ast.File) {
	var stack []ast.Node
	ast.Inspect(f, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return false
		}
		stack = append(stack, n)
		path := stack
		switch n := n.(type) {
		case *ast.IndexExpr:
			if v := r.mapLoc(n.X); v != nil {
				write := false
				if len(path) >= 2 {
					switch p := path[len(path)-2].(type) {
					case *ast.AssignStmt:
						for _, l := range p.Lhs {
							if l == n {
								write = true
							}
						}
					case *ast.IncDecStmt:
						write = p.X == n
					}
				}
				r.add(f, v, n.X, n, write, path)
			}
		case *ast.RangeStmt:
			if v := r.mapLoc(n.X); v != nil {
				r.add(f, v, n.X, n, false, path)
			}
		case *ast.CallExpr:
			switch astutil.Builtin(r.Info, n) {
			case "delete", "clear":
				if len(n.Args) > 0 {
					if v := r.mapLoc(n.Args[0]); v != nil {
						r.add(f, v, n.Args[0], n, true, path)
					}
				}
			case "len":
				if len(n.Args) == 1 {
					if v := r.mapLoc(n.Args[0]); v != nil {
						r.add(f, v, n.Args[0], n, false, path)
					}
				}
			}
			if fd := r.callee(n); fd != nil {
				fn, decl := innermostFunc(path)
				held, once := r.heldAt(path)
				if !r.runsInDecl(path) {
					decl = nil
				}
				r.callers[fd] = append(r.callers[fd], callInfo{n, held, fn, decl})
				if ctx := r.ctxOf(path); ctx != nil && fd.Body != nil && !spawned(path) {
					r.ctxCalls[ctx] = append(r.ctxCalls[ctx], callSite{n, fd, len(held) > 0 || once || r.looseGuard(path)})
				}
			}
		}
		return true
	})
}

func innermostFunc(path []ast.Node) (ast.Node, *ast.FuncDecl) {
	var fn ast.Node
	var decl *ast.FuncDecl
	for i := len(path) - 1; i >= 0; i-- {
		switch n := path[i].(type) {
		case *ast.FuncLit:
			if fn == nil {
				fn = n
			}
		case *ast.FuncDecl:
			if fn == nil {
				fn = n
			}
			decl = n
		}
	}
	return fn, decl
}

func (r *run) add(f *ast.File, v *types.Var, expr ast.Expr, node ast.Node, write bool, path []ast.Node) {
	fn, decl := innermostFunc(path)
	if fn == nil {
		return // package-level initialization
	}
	held, once := r.heldAt(path)
	a := &access{loc: v, expr: expr, node: node, write: write, file: f,
		path: append([]ast.Node(nil), path...), fn: fn, decl: decl, held: held, inOnce: once}
	if al, ok := r.aliases[v]; ok {
		via := *a
		via.via, via.loc, via.expr = v, al.loc, al.src
		r.viaAlias = append(r.viaAlias, &via)
	}
	a.ctx = r.ctxOf(path)
	a.guarded = len(held) > 0 || once || r.looseGuard(path)
	r.accesses = append(r.accesses, a)
	if a.ctx != nil {
		r.ctxAcc[a.ctx] = append(r.ctxAcc[a.ctx], a)
	}
}

// looseGuard reports an access or call that follows, in the statement
// lists around it up to its run's function, a call to something named like
// a lock (lock, Lock, acquire; not unlock) or a send of struct{}{} (a
// channel used as a semaphore): code that guards itself in a way heldAt
// does not follow.
func (r *run) looseGuard(path []ast.Node) bool {
	for i := len(path) - 2; i >= 0; i-- {
		switch n := path[i].(type) {
		case *ast.FuncDecl:
			return false
		case *ast.FuncLit:
			if r.litKinds[n] != litSync {
				return false
			}
		}
		for _, s := range astutil.Stmts(path[i]) {
			if s == path[i+1] {
				break
			}
			switch s := astutil.Unlabel(s).(type) {
			case *ast.ExprStmt:
				if c, ok := s.X.(*ast.CallExpr); ok {
					name := strings.ToLower(r.calleeName(c))
					if (strings.Contains(name, "lock") && !strings.Contains(name, "unlock")) || strings.Contains(name, "acquire") {
						return true
					}
				}
			case *ast.SendStmt:
				if st, ok := r.Info.TypeOf(s.Value).Underlying().(*types.Struct); ok && st.NumFields() == 0 {
					return true
				}
			}
		}
	}
	return false
}

// mapLoc returns the variable or field of map type that e names, if it is
// one this package declares.
func (r *run) mapLoc(e ast.Expr) *types.Var {
	e = ast.Unparen(e)
	var obj types.Object
	switch e := e.(type) {
	case *ast.Ident:
		obj = r.Info.Uses[e]
	case *ast.SelectorExpr:
		if sel, ok := r.Info.Selections[e]; ok {
			if sel.Kind() != types.FieldVal {
				return nil
			}
			obj = sel.Obj()
		} else {
			obj = r.Info.Uses[e.Sel]
		}
	}
	v, ok := obj.(*types.Var)
	if !ok || v.Pkg() != r.Pkg {
		return nil
	}
	if _, ok := v.Type().Underlying().(*types.Map); !ok {
		return nil
	}
	return v
}

// lockOp recognises mu.Lock(), mu.RLock(), mu.Unlock(), mu.RUnlock() on a
// sync.Mutex or sync.RWMutex, and returns the object that holds the mutex
// (a variable or a field, also an embedded one).
func (r *run) lockOp(call *ast.CallExpr) (types.Object, string) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || len(call.Args) != 0 {
		return nil, ""
	}
	s, ok := r.Info.Selections[sel]
	if !ok || s.Kind() != types.MethodVal {
		return nil, ""
	}
	fn := s.Obj().(*types.Func)
	if fn.Pkg() == nil || fn.Pkg().Path() != "sync" {
		return nil, ""
	}
	switch fn.Name() {
	case "Lock", "Unlock", "RLock", "RUnlock":
	default:
		return nil, ""
	}
	recv := fn.Type().(*types.Signature).Recv()
	if recv == nil {
		return nil, ""
	}
	rt := recv.Type()
	if p, ok := rt.(*types.Pointer); ok {
		rt = p.Elem()
	}
	if n, ok := rt.(*types.Named); !ok || (n.Obj().Name() != "Mutex" && n.Obj().Name() != "RWMutex") {
		return nil, ""
	}
	idx := s.Index()
	if len(idx) == 1 {
		var obj types.Object
		switch x := ast.Unparen(sel.X).(type) {
		case *ast.Ident:
			obj = r.Info.Uses[x]
		case *ast.SelectorExpr:
			if xs, ok := r.Info.Selections[x]; ok {
				obj = xs.Obj()
			} else {
				obj = r.Info.Uses[x.Sel]
			}
		}
		if obj == nil {
			return nil, ""
		}
		return obj, fn.Name()
	}
	// Promoted through embedded fields: the last embedded field holds it.
	t := s.Recv()
	var field *types.Var
	for _, i := range idx[:len(idx)-1] {
		if p, ok := t.Underlying().(*types.Pointer); ok {
			t = p.Elem()
		}
		st, ok := t.Underlying().(*types.Struct)
		if !ok {
			return nil, ""
		}
		field = st.Field(i)
		t = field.Type()
	}
	if field == nil {
		return nil, ""
	}
	return field, fn.Name()
}

// heldAt returns the mutexes held at the end of path, from the lock calls
// made earlier in the enclosing statement lists of the innermost function;
// once says that the path runs in a function passed to sync.Once.Do.
func (r *run) heldAt(path []ast.Node) (map[types.Object]lockMode, bool) {
	start := 0
	once := false
	held := map[types.Object]lockMode{}
	for i := len(path) - 1; i >= 0; i-- {
		if fl, ok := path[i].(*ast.FuncLit); ok {
			start = i
			async := false
			if i > 0 {
				if c, ok := path[i-1].(*ast.CallExpr); ok {
					// findEntries marked the literals that go, WaitGroup.Go,
					// errgroup, AfterFunc or a handler registration run.
					async = r.litKinds[fl] == litEntry
					once = r.isMethod(c, "sync", "Once", "Do") || r.isFunc(c, "sync", "OnceFunc") ||
						r.isFunc(c, "sync", "OnceValue") || r.isFunc(c, "sync", "OnceValues")
				}
			}
			if !async && !once && i > 0 {
				// A closure run in place, or stored and called later by
				// the same code: it inherits the locks held where it is
				// written.
				outer, o := r.heldAt(path[:i])
				held, once = outer, o
			}
			break
		}
		if _, ok := path[i].(*ast.FuncDecl); ok {
			start = i
			break
		}
	}
	for i := start; i < len(path)-1; i++ {
		for _, s := range astutil.Stmts(path[i]) {
			if s == path[i+1] {
				break
			}
			r.applyLocks(s, held)
		}
	}
	return held, once
}

// applyLocks updates held with the lock calls of statement s. After an if
// statement, a lock counts as held when it is held at the end of some
// branch that reaches the code after it, or before the if when a branch
// may be skipped (no final else): "if doLock { s.RLock() }" leaves it
// held, as the caller says when. A branch that ends in a return, break,
// continue, goto or panic does not reach that code, so its unlock does not
// count.
func (r *run) applyLocks(s ast.Stmt, held map[types.Object]lockMode) {
	switch s := astutil.Unlabel(s).(type) {
	case *ast.ExprStmt:
		c, ok := s.X.(*ast.CallExpr)
		if !ok {
			return
		}
		obj, op := r.lockOp(c)
		switch op {
		case "Lock":
			held[obj] = writeLock
		case "RLock":
			if held[obj] == 0 {
				held[obj] = readLock
			}
		case "Unlock", "RUnlock":
			delete(held, obj)
		case "":
			if fd := r.callee(c); fd != nil {
				eff := r.lockEffect(fd)
				for mu := range eff.released {
					delete(held, mu)
				}
				for mu, mode := range eff.held {
					held[mu] = max(held[mu], mode)
				}
			}
		}
	case *ast.IfStmt:
		before := maps.Clone(held)
		clear(held)
		finalElse := false
		for br := ast.Stmt(s); br != nil; {
			var body *ast.BlockStmt
			switch b := br.(type) {
			case *ast.IfStmt:
				body, br = b.Body, b.Else
			case *ast.BlockStmt:
				body, br, finalElse = b, nil, true
			}
			if n := len(body.List); n > 0 && terminates(body.List[n-1]) {
				continue
			}
			after := maps.Clone(before)
			for _, t := range body.List {
				r.applyLocks(t, after)
			}
			for mu, mode := range after {
				held[mu] = max(held[mu], mode)
			}
		}
		if !finalElse {
			for mu, mode := range before {
				held[mu] = max(held[mu], mode)
			}
		}
	}
}

// A lockEffect is what a call of a lock helper leaves behind: the locks it
// takes and keeps (func lockProfiles() { profiles.mu.Lock() }) and those
// it releases without taking them.
type lockEffect struct {
	held     map[types.Object]lockMode
	released map[types.Object]bool
}

// lockEffect returns the locks that a call of fd leaves held or released,
// from the statements of its body, as applyLocks follows them.
func (r *run) lockEffect(fd *ast.FuncDecl) *lockEffect {
	if e, ok := r.effects[fd]; ok {
		return e
	}
	e := &lockEffect{held: map[types.Object]lockMode{}, released: map[types.Object]bool{}}
	r.effects[fd] = e // a recursive call takes no lock
	if fd.Body == nil {
		return e
	}
	held := map[types.Object]lockMode{}
	var deferred []*ast.CallExpr
	for _, st := range fd.Body.List {
		switch st := st.(type) {
		case *ast.ExprStmt:
			if c, ok := st.X.(*ast.CallExpr); ok {
				if obj, op := r.lockOp(c); (op == "Unlock" || op == "RUnlock") && held[obj] == 0 {
					e.released[obj] = true
				}
			}
		case *ast.DeferStmt:
			deferred = append(deferred, st.Call)
		}
		r.applyLocks(st, held)
	}
	// Deferred unlocks run before the function returns.
	for _, c := range deferred {
		r.applyLocks(&ast.ExprStmt{X: c}, held)
	}
	e.held = held
	return e
}

// terminates reports a statement after which the code that follows it in
// its list does not run.
func terminates(s ast.Stmt) bool {
	switch s := astutil.Unlabel(s).(type) {
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

func (r *run) isMethod(c *ast.CallExpr, pkg, typ, name string) bool {
	return callees.IsMethod(r.Info, c, pkg, typ, name)
}

func (r *run) isFunc(c *ast.CallExpr, pkg, name string) bool {
	return callees.IsFunc(r.Info, c, pkg, name)
}

// callee returns the declaration of the in-package function or method that
// c calls statically.
func (r *run) callee(c *ast.CallExpr) *ast.FuncDecl {
	var obj types.Object
	switch f := ast.Unparen(c.Fun).(type) {
	case *ast.Ident:
		obj = r.Info.Uses[f]
	case *ast.SelectorExpr:
		if s, ok := r.Info.Selections[f]; ok {
			if s.Kind() == types.FieldVal {
				return nil
			}
			obj = s.Obj()
		} else {
			obj = r.Info.Uses[f.Sel]
		}
	case *ast.IndexExpr:
		if id, ok := f.X.(*ast.Ident); ok {
			obj = r.Info.Uses[id]
		}
	}
	fn, ok := obj.(*types.Func)
	if !ok {
		return nil
	}
	return r.decls[fn.Origin()]
}

// funcLocks reports the mutexes that fd or what it calls in the package
// locks.
func (r *run) funcLocks(fd *ast.FuncDecl) map[types.Object]bool {
	if m, ok := r.locksMemo[fd]; ok {
		return m
	}
	m := map[types.Object]bool{}
	r.locksMemo[fd] = m
	if fd.Body == nil {
		return m
	}
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok {
			if obj, op := r.lockOp(c); op == "Lock" || op == "RLock" {
				m[obj] = true
			}
			if g := r.callee(c); g != nil {
				for o := range r.funcLocks(g) {
					m[o] = true
				}
			}
		}
		return true
	})
	return m
}

func (r *run) locName(a *access) string {
	if a.via != nil {
		return types.ExprString(a.expr) + " (through " + a.via.Name() + ")"
	}
	return types.ExprString(a.expr)
}

// spawned reports a call, at the end of path, that a go or defer statement
// makes: it does not run where it is written.
func spawned(path []ast.Node) bool {
	if len(path) < 2 {
		return false
	}
	switch p := path[len(path)-2].(type) {
	case *ast.GoStmt:
		return p.Call == path[len(path)-1]
	case *ast.DeferStmt:
		return p.Call == path[len(path)-1]
	}
	return false
}
