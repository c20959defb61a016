package growth

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"github.com/mapfix/mapfix/rules/internal/astutil"
)

// A frame is one function as it runs from an entry: which of its
// variables hold the request or event (taint), which refer to long-lived
// state (long), and which are copies of a long-lived map (alias).
type frame struct {
	e      *entry
	fn     ast.Node
	depth  int
	record bool // its inserts run per request or event
	taint  map[*types.Var]bool
	long   map[*types.Var]bool
	alias  map[*types.Var]*types.Var
	// outside: the variables declared outside this literal are long-lived
	// (it is registered, and keeps them alive).
	outside *ast.FuncLit
	// loops, for a goroutine's own function: only these run per event,
	// and what they receive is the event.
	loops []ast.Node
	// perEvent: variables declared in this loop of the spawner, outside
	// the literal, are the event (a go in an accept loop).
	perEvent ast.Node
}

type memoKey struct {
	fn     ast.Node
	mask   string
	record bool
}

// An insert is the first insert found into a map.
type insert struct {
	idx   *ast.IndexExpr
	fn    ast.Node
	entry *entry
}

func newFrame(e *entry, fn ast.Node, depth int, record bool) *frame {
	return &frame{e: e, fn: fn, depth: depth, record: record,
		taint: map[*types.Var]bool{}, long: map[*types.Var]bool{}, alias: map[*types.Var]*types.Var{}}
}

func (r *run) walkEntry(e *entry) {
	fn := e.fn()
	body := astutil.FuncBody(fn)
	if body == nil {
		return
	}
	fr := newFrame(e, fn, 0, true)
	// A goroutine started per request or event (a client's read loop, for
	// each connection) is given what lives as long as that request or
	// connection, not the process.
	recvLong, argsLong, captured := e.recvLong, e.argsLong, e.captured
	if e.spawn != nil && r.perEventGo[e.spawn] {
		recvLong, argsLong, captured = false, false, false
	}
	var ft *ast.FuncType
	if e.lit != nil {
		ft = e.lit.Type
		if captured {
			fr.outside = e.lit
		}
	} else {
		ft = e.decl.Type
		if rv := r.recvVar(e.decl); rv != nil && recvLong {
			fr.long[rv] = true
		}
	}
	for _, p := range r.paramVars(ft) {
		if p == nil {
			continue
		}
		if e.taintParams {
			fr.taint[p] = true
		}
		if argsLong {
			fr.long[p] = true
		}
	}
	fr.perEvent = e.perEvent
	if e.loops {
		ast.Inspect(body, func(n ast.Node) bool {
			switch n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ForStmt, *ast.RangeStmt:
				fr.loops = append(fr.loops, n)
				return false
			}
			return true
		})
		if len(fr.loops) == 0 {
			return
		}
	}
	r.walk(fr)
}

func (fr *frame) inLoop(p token.Pos) bool {
	if fr.loops == nil {
		return true
	}
	for _, l := range fr.loops {
		if l.Pos() <= p && p < l.End() {
			return true
		}
	}
	return false
}

// seeds reports whether what n receives is the event: n is in a loop of a
// goroutine's own function.
func (fr *frame) seeds(n ast.Node) bool {
	return fr.depth == 0 && fr.e.loops && fr.inLoop(n.Pos())
}

// walk follows fr's function: it finds what its variables hold, records
// its inserts, follows its calls, and reports whether it returns something
// derived from the request or event.
func (r *run) walk(fr *frame) bool {
	body := astutil.FuncBody(fr.fn)
	if body == nil {
		return false
	}
	for range 8 {
		changed := false
		ast.Inspect(body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				changed = r.flowAssign(fr, n) || changed
			case *ast.ValueSpec:
				for i, name := range n.Names {
					if len(n.Values) == len(n.Names) {
						changed = r.flow(fr, name, n.Values[i], false) || changed
					} else if len(n.Values) == 1 && r.tainted(fr, n.Values[0]) {
						changed = fr.mark(fr.taint, r.localVar(name)) || changed
					}
				}
			case *ast.RangeStmt:
				_, isChan := astutil.CoreType(r.Info.TypeOf(n.X)).(*types.Chan)
				t := r.tainted(fr, n.X) || isChan && fr.seeds(n)
				long := r.longLived(fr, n.X)
				for _, x := range []ast.Expr{n.Key, n.Value} {
					if x == nil {
						continue
					}
					v := r.localVar(x)
					if t {
						changed = fr.mark(fr.taint, v) || changed
					}
					if long && x == n.Value {
						changed = fr.mark(fr.long, v) || changed
					}
				}
			case *ast.TypeSwitchStmt:
				if as, ok := n.Assign.(*ast.AssignStmt); ok && len(as.Rhs) == 1 {
					if ta, ok := as.Rhs[0].(*ast.TypeAssertExpr); ok && r.tainted(fr, ta.X) {
						for _, c := range n.Body.List {
							if v, ok := r.Info.Implicits[c].(*types.Var); ok {
								changed = fr.mark(fr.taint, v) || changed
							}
						}
					}
				}
			}
			return true
		})
		if !changed {
			break
		}
	}
	ret := false
	if ft := funcType(fr.fn); ft != nil && ft.Results != nil {
		for _, fl := range ft.Results.List {
			for _, name := range fl.Names {
				if v, ok := r.Info.Defs[name].(*types.Var); ok && fr.taint[v] {
					ret = true
				}
			}
		}
	}
	var stack []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return false
		}
		stack = append(stack, n)
		switch n := n.(type) {
		case *ast.ReturnStmt:
			if !ret && !inLit(stack, fr.fn) {
				for _, x := range n.Results {
					if r.tainted(fr, x) {
						ret = true
					}
				}
			}
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				if ix, ok := ast.Unparen(l).(*ast.IndexExpr); ok && n.Tok != token.DEFINE {
					r.insert(fr, ix, stack)
				}
			}
		case *ast.IncDecStmt:
			if ix, ok := ast.Unparen(n.X).(*ast.IndexExpr); ok {
				r.insert(fr, ix, stack)
			}
		case *ast.CallExpr:
			r.call(fr, n)
		case *ast.GoStmt:
			if fr.record && fr.inLoop(n.Pos()) {
				r.perEventGo[n] = true
			}
		}
		return true
	})
	return ret
}

// inLit reports whether the node at the end of stack is inside a function
// literal within fn.
func inLit(stack []ast.Node, fn ast.Node) bool {
	for _, n := range stack[:len(stack)-1] {
		if lit, ok := n.(*ast.FuncLit); ok && lit != fn {
			return true
		}
	}
	return false
}

func funcType(fn ast.Node) *ast.FuncType {
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		return fn.Type
	case *ast.FuncLit:
		return fn.Type
	}
	return nil
}

func (fr *frame) mark(set map[*types.Var]bool, v *types.Var) bool {
	if v == nil || set[v] {
		return false
	}
	set[v] = true
	return true
}

// localVar returns the local variable that e names, or nil.
func (r *run) localVar(e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || id.Name == "_" {
		return nil
	}
	v, ok := r.Info.ObjectOf(id).(*types.Var)
	if !ok || v.Parent() == r.Pkg.Scope() || v.IsField() {
		return nil
	}
	return v
}

func (r *run) flowAssign(fr *frame, as *ast.AssignStmt) bool {
	changed := false
	if len(as.Lhs) == len(as.Rhs) {
		for i := range as.Lhs {
			changed = r.flow(fr, as.Lhs[i], as.Rhs[i], fr.seeds(as) && isRecv(as.Rhs[i])) || changed
		}
		return changed
	}
	if len(as.Rhs) != 1 {
		return false
	}
	rhs := as.Rhs[0]
	t := r.tainted(fr, rhs) || fr.seeds(as) && (isRecv(rhs) || r.ioCall(rhs))
	if t {
		for _, l := range as.Lhs {
			changed = fr.mark(fr.taint, r.localVar(l)) || changed
		}
	}
	return changed
}

// flow carries what rhs holds into the variable lhs.
func (r *run) flow(fr *frame, lhs, rhs ast.Expr, seeded bool) bool {
	v := r.localVar(lhs)
	if v == nil {
		return false
	}
	changed := false
	if !fr.taint[v] && (seeded || r.tainted(fr, rhs)) {
		changed = fr.mark(fr.taint, v)
	}
	if fr.alias[v] == nil {
		if _, isMap := astutil.CoreType(r.Info.TypeOf(rhs)).(*types.Map); isMap {
			if loc := r.locOf(fr, rhs); loc != nil && loc != v {
				fr.alias[v] = loc
				changed = true
			}
		}
	}
	if !fr.long[v] && r.longLived(fr, rhs) {
		changed = fr.mark(fr.long, v) || changed
	}
	return changed
}

func isRecv(e ast.Expr) bool {
	u, ok := ast.Unparen(e).(*ast.UnaryExpr)
	return ok && u.Op == token.ARROW
}

// ioCall reports a call of another package's method that returns an
// error last: a read of the next event (conn.Read, ln.Accept, dec.Decode).
func (r *run) ioCall(e ast.Expr) bool {
	c, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	s, ok := r.Info.Selections[sel]
	if !ok || s.Kind() != types.MethodVal || s.Obj().Pkg() == r.Pkg {
		return false
	}
	sig, ok := s.Obj().Type().(*types.Signature)
	if !ok || sig.Results().Len() < 2 {
		return false
	}
	last := sig.Results().At(sig.Results().Len() - 1).Type()
	return types.Identical(last, types.Universe.Lookup("error").Type())
}

// tainted reports whether e is derived from the request or event.
func (r *run) tainted(fr *frame, e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.Ident:
			if v, ok := r.Info.ObjectOf(n).(*types.Var); ok {
				if fr.taint[v] || fr.eventVar(v) {
					found = true
				}
			}
		case *ast.CallExpr:
			if ret, followed := r.call(fr, n); followed {
				found = ret
				return false
			}
		}
		return true
	})
	return found
}

// eventVar reports a variable that a goroutine started in an accept loop
// captures from the loop's iteration: the connection, the message.
func (fr *frame) eventVar(v *types.Var) bool {
	if fr.perEvent == nil || fr.depth != 0 || fr.e.lit == nil {
		return false
	}
	p := v.Pos()
	return fr.perEvent.Pos() <= p && p < fr.perEvent.End() && !(fr.e.lit.Pos() <= p && p < fr.e.lit.End())
}

// longLived reports whether e refers to long-lived state: a package
// variable, a variable of fr known to be long-lived, what a registered
// literal captures, and fields, pointers and slice or array elements of
// these.
func (r *run) longLived(fr *frame, e ast.Expr) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, ok := r.Info.ObjectOf(x).(*types.Var)
		if !ok || x.Name == "_" {
			return false
		}
		if v.Pkg() != nil && v.Parent() == v.Pkg().Scope() {
			return true
		}
		if fr.long[v] {
			return true
		}
		if fr.outside != nil && !v.IsField() {
			p := v.Pos()
			return !(fr.outside.Pos() <= p && p < fr.outside.End())
		}
	case *ast.SelectorExpr:
		if s, ok := r.Info.Selections[x]; ok {
			return s.Kind() == types.FieldVal && r.longLived(fr, x.X)
		}
		_, isVar := r.Info.Uses[x.Sel].(*types.Var)
		return isVar
	case *ast.StarExpr:
		return r.longLived(fr, x.X)
	case *ast.UnaryExpr:
		return x.Op == token.AND && r.longLived(fr, x.X)
	case *ast.IndexExpr:
		switch t := astutil.CoreType(r.Info.TypeOf(x.X)).(type) {
		case *types.Slice, *types.Array:
			return r.longLived(fr, x.X)
		case *types.Pointer:
			if _, ok := t.Elem().Underlying().(*types.Array); ok {
				return r.longLived(fr, x.X)
			}
		}
	}
	return false
}

// locOf returns the long-lived map location that x denotes: a package
// variable, a field of long-lived state, a captured local, or what a local
// copy or parameter was given.
func (r *run) locOf(fr *frame, x ast.Expr) *types.Var {
	v := r.varOf(x)
	if v == nil || v.Pkg() != r.Pkg {
		return nil
	}
	if a := fr.alias[v]; a != nil {
		return a
	}
	switch {
	case v.IsField():
		if sel, ok := ast.Unparen(x).(*ast.SelectorExpr); ok && r.longLived(fr, sel.X) {
			return v
		}
	case v.Parent() == r.Pkg.Scope():
		return v
	default:
		if r.longLived(fr, x) {
			return v
		}
	}
	return nil
}

func (r *run) recvVar(fd *ast.FuncDecl) *types.Var {
	if fd.Recv == nil || len(fd.Recv.List) == 0 || len(fd.Recv.List[0].Names) == 0 {
		return nil
	}
	v, _ := r.Info.Defs[fd.Recv.List[0].Names[0]].(*types.Var)
	return v
}

// paramVars returns the parameters of ft in order, nil for unnamed ones.
func (r *run) paramVars(ft *ast.FuncType) []*types.Var {
	var out []*types.Var
	if ft == nil || ft.Params == nil {
		return nil
	}
	for _, fl := range ft.Params.List {
		if len(fl.Names) == 0 {
			out = append(out, nil)
			continue
		}
		for _, name := range fl.Names {
			v, _ := r.Info.Defs[name].(*types.Var)
			out = append(out, v)
		}
	}
	return out
}

// call follows a call of a function of the package from fr, binding its
// receiver and parameters to what the call passes. It reports whether the
// call returns something derived from the request or event, and whether
// it was followed at all.
func (r *run) call(fr *frame, c *ast.CallExpr) (ret, followed bool) {
	fd := r.callee(c)
	if fd == nil || fd.Body == nil || fr.depth >= maxDepth {
		return false, false
	}
	nf := newFrame(fr.e, fd, fr.depth+1, fr.record && fr.inLoop(c.Pos()))
	var mask []byte
	bind := func(p *types.Var, a ast.Expr) {
		var flags byte = '0'
		if r.tainted(fr, a) {
			flags |= 1
			if p != nil {
				nf.taint[p] = true
			}
		}
		if r.longLived(fr, a) {
			flags |= 2
			if p != nil {
				nf.long[p] = true
			}
		}
		mask = append(mask, flags)
		if _, isMap := astutil.CoreType(r.Info.TypeOf(a)).(*types.Map); isMap && p != nil {
			if loc := r.locOf(fr, a); loc != nil {
				nf.alias[p] = loc
				mask = fmt.Appendf(mask, "%p", loc)
			}
		}
	}
	if fd.Recv != nil {
		fun := ast.Unparen(c.Fun)
		switch f := fun.(type) {
		case *ast.IndexExpr:
			fun = f.X
		case *ast.IndexListExpr:
			fun = f.X
		}
		sel, ok := fun.(*ast.SelectorExpr)
		if !ok {
			return false, false
		}
		bind(r.recvVar(fd), sel.X)
	}
	params := r.paramVars(fd.Type)
	variadic := fd.Type.Params != nil && len(fd.Type.Params.List) > 0 &&
		isEllipsis(fd.Type.Params.List[len(fd.Type.Params.List)-1].Type)
	if len(c.Args) == 1 && len(params) > 1 {
		// f(g()): every parameter gets a result of g.
		t := r.tainted(fr, c.Args[0])
		for _, p := range params {
			if t && p != nil {
				nf.taint[p] = true
			}
			mask = append(mask, map[bool]byte{true: 't', false: '-'}[t])
		}
	} else {
		for i, a := range c.Args {
			j := i
			if j >= len(params) {
				if !variadic || len(params) == 0 {
					break
				}
				j = len(params) - 1
			}
			bind(params[j], a)
		}
	}
	key := memoKey{fd, string(mask), nf.record}
	switch r.memo[key] {
	case 1, 2:
		return false, true
	case 3:
		return true, true
	}
	r.memo[key] = 1
	ret = r.walk(nf)
	r.memo[key] = 2
	if ret {
		r.memo[key] = 3
	}
	return ret, true
}

func isEllipsis(e ast.Expr) bool {
	_, ok := e.(*ast.Ellipsis)
	return ok
}

// insert records m[k] = v (or op=, ++, --) when m is long-lived, k comes
// from the request or event, and the insert can add an entry.
func (r *run) insert(fr *frame, idx *ast.IndexExpr, stack []ast.Node) {
	if r.dry || !fr.record || !fr.inLoop(idx.Pos()) {
		return
	}
	mt, ok := astutil.CoreType(r.Info.TypeOf(idx.X)).(*types.Map)
	if !ok {
		return
	}
	loc := r.locOf(fr, idx.X)
	if loc == nil || r.found[loc] != nil {
		return
	}
	if !r.tainted(fr, idx.Index) || r.smallKey(mt.Key(), idx.Index) {
		return
	}
	if r.updatesExisting(idx, stack) || r.constantKeys(idx, stack) {
		return
	}
	r.found[loc] = &insert{idx: idx, fn: fr.fn, entry: fr.e}
	r.order = append(r.order, loc)
}
