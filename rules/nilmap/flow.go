package nilmap

import (
	"go/ast"
	"go/token"
	"go/types"
	"maps"
	"slices"
	"strings"

	"github.com/mapfix/mapfix/rules/internal/astutil"
	"golang.org/x/tools/go/types/typeutil"
)

// The flow analysis of nilmap walks a function's statements in order,
// carrying what is known at each point, and joins what comes out of
// branches and loops (loops until nothing changes). It knows two things:
//
//   - which map locations (M[a], s.f, m) are known to be non-nil: made by an
//     earlier assignment, a nil check, a comma-ok check or an earlier write
//     on every path, with nothing they mention assigned since;
//   - for each map variable declared without a value, named result, and
//     map field of a struct value made in the function without it, whether
//     it may still hold the nil it started with.
//
// Calls are assumed to change nothing the function names, and closures to
// run where they are written: both err towards reporting less.

// Bits of a tracked location's state: the union over the paths that reach
// a point.
const (
	stillNil uint8 = 1 << iota // still the nil it was made with
	changed                    // changed out of sight: address taken, a method called, a path that does not track it
	proven                     // proven non-nil by a check or an earlier write
	assigned                   // assigned by this function (x = v, x, err = f(), range x = ...)
)

const (
	maxIter  = 8      // passes over a loop body before giving up on the function
	maxSteps = 200000 // statements visited per function before giving up
)

type fact struct{ deps []astutil.Chain } // the chains whose assignment ends the fact

// An alias is a local bound to a map element: v := M[a] (a value alias,
// v != nil means M[a] != nil) or _, ok := M[a] (ok means M[a] exists).
type alias struct {
	key    string // M[a]; "" when a cannot be keyed
	parent string // M, which an existing key proves non-nil; or ""
	ok     bool
	deps   []astutil.Chain
}

func (a alias) same(b alias) bool {
	return a.key == b.key && a.parent == b.parent && a.ok == b.ok
}

type track struct {
	bits   uint8
	origin *origin // nil when values from different creations meet
	c      astutil.Chain
}

type state struct {
	dead  bool
	known map[string]fact
	alias map[*types.Var]alias
	track map[string]track
}

func newNmState() *state {
	return &state{known: map[string]fact{}, alias: map[*types.Var]alias{}, track: map[string]track{}}
}

func deadState() *state { return &state{dead: true} }

func (s *state) clone() *state {
	if s.dead {
		return deadState()
	}
	return &state{known: maps.Clone(s.known), alias: maps.Clone(s.alias), track: maps.Clone(s.track)}
}

// join merges the states of two paths; either may be nil (no path).
// It may reuse its arguments.
func join(a, b *state) *state {
	switch {
	case a == nil || a.dead:
		if b == nil {
			return a
		}
		return b
	case b == nil || b.dead:
		return a
	}
	for k := range a.known {
		if _, ok := b.known[k]; !ok {
			delete(a.known, k)
		}
	}
	for v, x := range a.alias {
		if y, ok := b.alias[v]; !ok || !y.same(x) {
			delete(a.alias, v)
		}
	}
	for k, x := range a.track {
		y, ok := b.track[k]
		if !ok {
			x.bits |= changed
		} else {
			x.bits |= y.bits
			if x.origin != y.origin {
				x.origin = nil
			}
		}
		a.track[k] = x
	}
	for k, y := range b.track {
		if _, ok := a.track[k]; !ok {
			y.bits |= changed
			a.track[k] = y
		}
	}
	return a
}

func (s *state) equal(t *state) bool {
	if s.dead || t.dead {
		return s.dead == t.dead
	}
	if len(s.known) != len(t.known) || len(s.alias) != len(t.alias) || len(s.track) != len(t.track) {
		return false
	}
	for k := range s.known {
		if _, ok := t.known[k]; !ok {
			return false
		}
	}
	for v, x := range s.alias {
		if y, ok := t.alias[v]; !ok || !y.same(x) {
			return false
		}
	}
	for k, x := range s.track {
		if y, ok := t.track[k]; !ok || x.bits != y.bits || x.origin != y.origin {
			return false
		}
	}
	return true
}

// A break or continue target.
type target struct {
	label     string
	loop      bool
	brk, cont *state
}

// funcInfo is the analysis of one function declaration (or function literal
// of a package-level initializer), closures included.
type funcInfo struct {
	r        *run
	file     *ast.File
	name     string
	test     bool
	captured map[*types.Var]bool // used by a closure of the function: never tracked
	params   map[*types.Var]bool // parameters and receivers, the function's and its closures'
	owner    map[ast.Stmt]ast.Node
	targets  []*target
	results  []*types.Var // named results of the function being walked
	writes   map[ast.Expr]*write
	order    []*write
	origins  map[originKey]*origin
	uses     map[useKey]*useRec
	decoded  map[*origin]token.Pos // struct values decoded into (&x passed to Unmarshal or Decode), and where
	roots    map[*types.Var]bool   // variables tracked at some point
	bail     bool
	steps    int
	root     ast.Node
	parents  map[ast.Node]ast.Node // built on demand, by parentOfNode
}

// A write site: m[k] = v, M[a][b] op= v, s.f[k]++, maps.Copy(m, src).
type write struct {
	fn     *funcInfo
	stmt   ast.Stmt
	loc    ast.Expr // the map written into
	copy   bool     // maps.Copy(loc, src)
	method string   // loc.Set(k, v): a method of loc's named map type that writes into it
	levels []*ast.IndexExpr
	known  []bool   // per level: known non-nil on every visit
	base   ast.Expr // the map that holds the outermost level, or loc
	bc     astutil.Chain
	bkey   string
	// The base, over every visit: tracked (and how), or not.
	tracked      track
	tseen, useen bool
	mixed        bool
	bknown       bool
}

type madeKind int

const (
	loneVar    madeKind = iota // var m map[K]V, alone in its declaration
	multiVar                   // var a, m map[K]V, or in a var ( ... ) group
	kindResult                 // a named result
	kindLit                    // T{...} or &T{...} without the field
	kindZero                   // var x T
	kindNew                    // new(T)
	kindCall                   // v := F(...), F a function of the package (results.go)
)

// An origin is where a tracked location gets its nil: a declaration, a
// named result, or a struct value made without the field.
type origin struct {
	kind  madeKind
	fn    *funcInfo
	v     *types.Var
	path  []*types.Var // the map field, from v's struct down; nil for a map variable
	stmt  ast.Stmt     // *ast.DeclStmt or *ast.AssignStmt that makes it; nil for a result
	lit   *ast.CompositeLit
	typ   ast.Expr // the declared type of a variable or named result
	body  *ast.BlockStmt
	pos   token.Pos
	first *write // the first write that hits it while nil
	// For kindCall: the function whose result v holds, and which.
	callee *types.Func
	result int
}

type originKey struct {
	node ast.Node
	v    *types.Var
	path string
}

type useKey struct {
	e ast.Node
	o *origin
}

type useRec struct {
	kind   useKind
	bits   uint8
	prefix bool // the struct that holds the field, not the field itself
	errRet bool // a return that also returns a non-nil error
	pos    token.Pos
}

func (r *run) newFunc(file *ast.File, name string, root ast.Node) *funcInfo {
	f := &funcInfo{
		r:        r,
		file:     file,
		name:     name,
		test:     r.InTest(file.FileStart),
		captured: map[*types.Var]bool{},
		params:   map[*types.Var]bool{},
		owner:    map[ast.Stmt]ast.Node{},
		writes:   map[ast.Expr]*write{},
		origins:  map[originKey]*origin{},
		uses:     map[useKey]*useRec{},
		roots:    map[*types.Var]bool{},
		root:     root,
	}
	addParams := func(fl *ast.FieldList) {
		if fl == nil {
			return
		}
		for _, fd := range fl.List {
			for _, n := range fd.Names {
				if v, ok := r.Info.Defs[n].(*types.Var); ok {
					f.params[v] = true
				}
			}
		}
	}
	if fd, ok := root.(*ast.FuncDecl); ok {
		addParams(fd.Recv)
		addParams(fd.Type.Params)
	}
	ast.Inspect(root, func(n ast.Node) bool {
		fl, ok := n.(*ast.FuncLit)
		if !ok {
			return true
		}
		addParams(fl.Type.Params)
		ast.Inspect(fl.Body, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				if v, ok := r.Info.Uses[id].(*types.Var); ok && !v.IsField() && v.Parent() != r.Pkg.Scope() && (v.Pos() < fl.Pos() || v.Pos() >= fl.End()) {
					f.captured[v] = true
				}
			}
			return true
		})
		return true
	})
	return f
}

// interesting reports whether a function body can hold anything nilmap
// reports or learns from: a map write, maps.Copy, or a struct or map made
// without values.
func (r *run) interesting(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				if r.mapWrite(l) != nil {
					found = true
				}
				// A map field filled here tells that the package makes it
				// its own way.
				if sel, ok := ast.Unparen(l).(*ast.SelectorExpr); ok && r.isMap(sel) {
					found = true
				}
			}
			// So may a value that a function of the package makes, stored
			// into a field (storedCall).
			for i, e := range n.Rhs {
				call, ok := ast.Unparen(e).(*ast.CallExpr)
				if !ok || len(n.Lhs) != len(n.Rhs) {
					break
				}
				if _, ok := ast.Unparen(n.Lhs[i]).(*ast.SelectorExpr); ok {
					if fn := typeutil.StaticCallee(r.Info, call); fn != nil && fn.Pkg() == r.Pkg {
						found = true
					}
				}
			}
		case *ast.IncDecStmt:
			if r.mapWrite(n.X) != nil {
				found = true
			}
		case *ast.CallExpr:
			if r.isMapsCall(n, "Copy") || astutil.Builtin(r.Info, n) == "new" || r.writeCall(n) != nil || r.decodeCall(n) {
				found = true
			}
		case *ast.CompositeLit:
			if _, ok := astutil.CoreType(r.Info.TypeOf(n)).(*types.Struct); ok {
				found = true
			}
		}
		return !found
	})
	return found
}

func (f *funcInfo) run(ft *ast.FuncType, body *ast.BlockStmt) {
	st := newNmState()
	f.results = f.trackResults(ft, body, st)
	f.list(body, body.List, st)
}

// trackResults tracks the named map results of a function and returns all
// its named results.
func (f *funcInfo) trackResults(ft *ast.FuncType, body *ast.BlockStmt, st *state) []*types.Var {
	if ft.Results == nil {
		return nil
	}
	var out []*types.Var
	for _, fd := range ft.Results.List {
		for _, n := range fd.Names {
			v, ok := f.r.Info.Defs[n].(*types.Var)
			if !ok {
				continue
			}
			out = append(out, v)
			if n.Name == "_" || f.captured[v] || !isMapType(v.Type()) {
				continue
			}
			o := f.origin(originKey{fd, v, ""}, func() *origin {
				return &origin{kind: kindResult, v: v, typ: fd.Type, body: body, pos: n.Pos()}
			})
			c := astutil.Chain{v}
			st.track[f.r.chainKey(c)] = track{stillNil, o, c}
			f.roots[v] = true
		}
	}
	return out
}

func isPointer(t types.Type) bool {
	if t == nil {
		return false
	}
	_, ok := t.Underlying().(*types.Pointer)
	return ok
}

func isMapType(t types.Type) bool {
	if _, ok := types.Unalias(t).(*types.TypeParam); ok {
		return false
	}
	_, ok := t.Underlying().(*types.Map)
	return ok
}

func (f *funcInfo) origin(k originKey, mk func() *origin) *origin {
	o := f.origins[k]
	if o == nil {
		o = mk()
		o.fn = f
		f.origins[k] = o
	}
	return o
}

func (f *funcInfo) list(owner ast.Node, stmts []ast.Stmt, st *state) *state {
	for _, s := range stmts {
		if st.dead || f.bail {
			break
		}
		f.owner[s] = owner
		st = f.stmt(s, st, "")
	}
	return st
}

func (f *funcInfo) stmt(s ast.Stmt, st *state, label string) *state {
	f.steps++
	if f.steps > maxSteps {
		f.bail = true
	}
	if f.bail || st.dead {
		return st
	}
	switch s := s.(type) {
	case *ast.BlockStmt:
		return f.list(s, s.List, st)
	case *ast.ExprStmt:
		f.scan(st, s)
		if call, ok := ast.Unparen(s.X).(*ast.CallExpr); ok {
			if f.r.isMapsCall(call, "Copy") && len(call.Args) == 2 {
				f.write(st, s, call.Args[0], true)
			}
			if m := f.r.writeCall(call); m != nil {
				f.write(st, s, m, false)
				if w := f.writes[ast.Unparen(m)]; w != nil {
					w.method = types.ExprString(call.Fun)
				}
			}
			if f.r.noReturn(call) {
				return deadState()
			}
		}
	case *ast.AssignStmt:
		f.scan(st, s)
		for _, l := range s.Lhs {
			if m := f.r.mapWrite(l); m != nil {
				f.write(st, s, m, false)
			}
		}
		f.assign(st, s)
	case *ast.IncDecStmt:
		f.scan(st, s)
		if m := f.r.mapWrite(s.X); m != nil {
			f.write(st, s, m, false)
		} else {
			f.set(st, s.X, nil, s)
		}
	case *ast.DeclStmt:
		f.scan(st, s)
		f.decl(st, s)
	case *ast.GoStmt, *ast.DeferStmt, *ast.SendStmt:
		f.scan(st, s)
	case *ast.ReturnStmt:
		f.scan(st, s)
		if len(s.Results) == 0 {
			for _, v := range f.results {
				c := astutil.Chain{v}
				if t, ok := st.track[f.r.chainKey(c)]; ok && t.origin != nil {
					f.recordUse(s, t, useReturn, false, false)
				}
			}
		}
		return deadState()
	case *ast.BranchStmt:
		switch s.Tok {
		case token.BREAK, token.CONTINUE:
			tg := f.target(s.Label, s.Tok == token.CONTINUE)
			if tg == nil {
				f.bail = true
			} else if s.Tok == token.BREAK {
				tg.brk = join(tg.brk, st)
			} else {
				tg.cont = join(tg.cont, st)
			}
		case token.GOTO:
			f.bail = true
		case token.FALLTHROUGH:
			return st
		}
		return deadState()
	case *ast.LabeledStmt:
		return f.stmt(s.Stmt, st, s.Label.Name)
	case *ast.IfStmt:
		if s.Init != nil {
			if st = f.stmt(s.Init, st, ""); st.dead {
				return st
			}
		}
		f.scan(st, s.Cond)
		t, e := f.cond(st, s.Cond)
		t = f.list(s.Body, s.Body.List, t)
		if s.Else != nil {
			e = f.stmt(s.Else, e, "")
		}
		return join(t, e)
	case *ast.ForStmt:
		if s.Init != nil {
			if st = f.stmt(s.Init, st, ""); st.dead {
				return st
			}
		}
		return f.loop(st, label, func(head *state) (*state, *state, func(*state) *state) {
			f.scan(head, s.Cond)
			in, out := head.clone(), deadState()
			if s.Cond != nil {
				in, out = f.cond(head, s.Cond)
			}
			return in, out, func(in *state) *state {
				body := f.list(s.Body, s.Body.List, in)
				body = join(body, f.targets[len(f.targets)-1].cont)
				if s.Post != nil && !body.dead {
					body = f.stmt(s.Post, body, "")
				}
				return body
			}
		})
	case *ast.RangeStmt:
		f.scan(st, s.X)
		return f.loop(st, label, func(head *state) (*state, *state, func(*state) *state) {
			in := head.clone()
			f.rangeVars(in, s)
			return in, head.clone(), func(in *state) *state {
				body := f.list(s.Body, s.Body.List, in)
				return join(body, f.targets[len(f.targets)-1].cont)
			}
		})
	case *ast.SwitchStmt:
		if s.Init != nil {
			if st = f.stmt(s.Init, st, ""); st.dead {
				return st
			}
		}
		f.scan(st, s.Tag)
		return f.switchBody(st, label, s.Body, s.Tag == nil)
	case *ast.TypeSwitchStmt:
		if s.Init != nil {
			if st = f.stmt(s.Init, st, ""); st.dead {
				return st
			}
		}
		if st = f.stmt(s.Assign, st, ""); st.dead {
			return st
		}
		return f.switchBody(st, label, s.Body, false)
	case *ast.SelectStmt:
		tg := &target{label: label}
		f.targets = append(f.targets, tg)
		var out *state
		for _, c := range s.Body.List {
			cc := c.(*ast.CommClause)
			in := st.clone()
			if cc.Comm != nil {
				in = f.stmt(cc.Comm, in, "")
			}
			out = join(out, f.list(cc, cc.Body, in))
		}
		f.targets = f.targets[:len(f.targets)-1]
		out = join(out, tg.brk)
		if out == nil {
			return deadState()
		}
		return out
	}
	return st
}

// loop runs a loop to a fixed point. step gives, for the state at the
// loop's head, the state entering the body, the state leaving the loop
// normally, and the body itself, which returns the state at the back edge.
func (f *funcInfo) loop(entry *state, label string, step func(head *state) (in, out *state, body func(*state) *state)) *state {
	tg := &target{label: label, loop: true}
	f.targets = append(f.targets, tg)
	defer func() { f.targets = f.targets[:len(f.targets)-1] }()
	head := entry.clone()
	for iter := 0; ; iter++ {
		tg.brk, tg.cont = nil, nil
		in, out, body := step(head)
		back := body(in)
		if f.bail {
			return deadState()
		}
		next := join(entry.clone(), back)
		if next.equal(head) {
			if res := join(out, tg.brk); res != nil {
				return res
			}
			return deadState()
		}
		if iter == maxIter {
			f.bail = true
			return deadState()
		}
		head = next
	}
}

func (f *funcInfo) switchBody(st *state, label string, body *ast.BlockStmt, tagless bool) *state {
	tg := &target{label: label}
	f.targets = append(f.targets, tg)
	defer func() { f.targets = f.targets[:len(f.targets)-1] }()
	ins := make([]*state, len(body.List))
	cur := st
	def := -1
	for i, c := range body.List {
		cc := c.(*ast.CaseClause)
		if cc.List == nil {
			def = i
			continue
		}
		if tagless {
			var in *state
			for _, e := range cc.List {
				f.scan(cur, e)
				t, fl := f.cond(cur, e)
				in, cur = join(in, t), fl
			}
			ins[i] = in
		} else {
			for _, e := range cc.List {
				f.scan(cur, e)
			}
			ins[i] = cur.clone()
		}
	}
	if def >= 0 {
		ins[def] = cur.clone()
	}
	var out, fall *state
	for i, c := range body.List {
		cc := c.(*ast.CaseClause)
		in := join(ins[i], fall)
		fall = nil
		o := f.list(cc, cc.Body, in)
		if n := len(cc.Body); n > 0 {
			if b, ok := cc.Body[n-1].(*ast.BranchStmt); ok && b.Tok == token.FALLTHROUGH {
				fall = o
				continue
			}
		}
		out = join(out, o)
	}
	if def < 0 {
		out = join(out, cur)
	}
	out = join(out, tg.brk)
	if out == nil {
		return deadState()
	}
	return out
}

func (f *funcInfo) target(label *ast.Ident, cont bool) *target {
	for i := len(f.targets) - 1; i >= 0; i-- {
		tg := f.targets[i]
		if label != nil {
			if tg.label == label.Name {
				return tg
			}
			continue
		}
		if tg.loop || !cont {
			return tg
		}
	}
	return nil
}

// rangeVars starts an iteration of a range loop: the key and value are
// assigned, and when ranging over a map of maps, M[k] exists.
func (f *funcInfo) rangeVars(in *state, s *ast.RangeStmt) {
	var vars [2]*types.Var
	for i, e := range []ast.Expr{s.Key, s.Value} {
		if e == nil {
			continue
		}
		if s.Tok == token.ASSIGN {
			f.scan(in, e)
			f.set(in, e, nil, s)
			continue
		}
		if id, ok := e.(*ast.Ident); ok {
			if v, ok := f.r.Info.Defs[id].(*types.Var); ok {
				f.kill(in, astutil.Chain{v})
				vars[i] = v
			}
		}
	}
	if s.Tok == token.ASSIGN {
		for i, e := range []ast.Expr{s.Key, s.Value} {
			if id, ok := ast.Unparen(e).(*ast.Ident); ok && e != nil {
				vars[i], _ = f.r.Info.Uses[id].(*types.Var)
			}
		}
	}
	if f.r.isMap(s.X) {
		f.nonNil(in, s.X) // the body runs only for an entry
	}
	if vars[0] == nil || !f.r.isMap(s.X) {
		return
	}
	mt := astutil.CoreType(f.r.Info.TypeOf(s.X)).(*types.Map)
	if _, ok := astutil.CoreType(mt.Elem()).(*types.Map); !ok {
		return
	}
	mk, ok := f.r.key(s.X)
	if !ok {
		return
	}
	key := mk + "[v" + f.r.objID(vars[0]) + "]"
	deps := append(astutil.RefChains(f.r.Info, s.X), astutil.Chain{vars[0]})
	in.known[key] = fact{deps}
	if vars[1] != nil {
		in.alias[vars[1]] = alias{key: key, deps: deps}
	}
}

// kill forgets what depends on the location w, which is assigned.
func (f *funcInfo) kill(st *state, w astutil.Chain) {
	for k, fct := range st.known {
		if astutil.OverlapsAny(w, fct.deps) {
			delete(st.known, k)
		}
	}
	for v, a := range st.alias {
		if v == w[0] && len(w) == 1 || astutil.OverlapsAny(w, a.deps) {
			delete(st.alias, v)
		}
	}
	for k, t := range st.track {
		if w.Overlaps(t.c) && len(w) <= len(t.c) {
			t.bits = assigned
			st.track[k] = t
		}
	}
}

func (f *funcInfo) assign(st *state, s *ast.AssignStmt) {
	pair := len(s.Lhs) == len(s.Rhs)
	// The variables tracked before this assignment, and not declared by
	// it, for callResults: needed only when a call assigns them.
	var tracked map[*types.Var]bool
	if slices.ContainsFunc(s.Rhs, func(e ast.Expr) bool { _, ok := ast.Unparen(e).(*ast.CallExpr); return ok }) {
		tracked = map[*types.Var]bool{}
		for _, l := range s.Lhs {
			if id, ok := ast.Unparen(l).(*ast.Ident); ok && f.r.Info.Defs[id] != nil {
				continue // a new variable, each time round a loop too
			}
			if v := f.localVar(l); v != nil {
				_, tracked[v] = st.track[f.r.chainKey(astutil.Chain{v})]
			}
		}
	}
	for i, l := range s.Lhs {
		var rhs ast.Expr
		if pair && (s.Tok == token.ASSIGN || s.Tok == token.DEFINE) {
			rhs = s.Rhs[i]
		}
		f.set(st, l, rhs, s)
	}
	f.callResults(st, s, tracked)
	// v, ok := M[a]: ok says that M[a] exists, so M is not nil, and
	// neither (as far as nilmap assumes) is M[a] when it is a map.
	if len(s.Lhs) == 2 && len(s.Rhs) == 1 && (s.Tok == token.ASSIGN || s.Tok == token.DEFINE) {
		if ix, ok := ast.Unparen(s.Rhs[0]).(*ast.IndexExpr); ok && f.r.elemType(ix) != nil {
			var a alias
			if f.r.isMapElem(ix) {
				a.key, _ = f.r.key(ix)
			}
			if f.r.isMap(ix.X) {
				a.parent, _ = f.r.key(ix.X)
			}
			a.deps = astutil.RefChains(f.r.Info, ix)
			if v := f.localVar(s.Lhs[0]); v != nil && a.key != "" && !astutil.OverlapsAny(astutil.Chain{v}, a.deps) {
				st.alias[v] = alias{key: a.key, deps: a.deps}
			}
			if v := f.localVar(s.Lhs[1]); v != nil && (a.key != "" || a.parent != "") && !astutil.OverlapsAny(astutil.Chain{v}, a.deps) {
				a.ok = true
				st.alias[v] = a
			}
		}
	}
}

func (f *funcInfo) localVar(e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || id.Name == "_" {
		return nil
	}
	v, ok := f.r.Info.ObjectOf(id).(*types.Var)
	if !ok || v.IsField() || v.Parent() == nil || v.Parent() == f.r.Pkg.Scope() {
		return nil
	}
	return v
}

// set records that lhs is assigned rhs (nil when the value is unknown).
func (f *funcInfo) set(st *state, lhs, rhs ast.Expr, s ast.Stmt) {
	l := ast.Unparen(lhs)
	if id, ok := l.(*ast.Ident); ok && id.Name == "_" {
		return
	}
	if f.r.mapWrite(l) != nil {
		// M[k] = rhs: only M[k] itself changes.
		key, ok := f.r.key(l)
		if !ok {
			return
		}
		for v, a := range st.alias {
			if a.key == key {
				delete(st.alias, v)
			}
		}
		if f.r.isMap(l) {
			if rhs != nil && !f.r.isNil(rhs) {
				st.known[key] = fact{astutil.RefChains(f.r.Info, l)}
			} else {
				delete(st.known, key)
			}
		}
		return
	}
	w := astutil.WrittenChain(f.r.Info, l)
	if w == nil {
		return
	}
	c := astutil.ChainOf(f.r.Info, l)
	var key string
	wasTracked := false
	if c != nil {
		key = f.r.chainKey(c)
		_, wasTracked = st.track[key]
	}
	f.kill(st, w)
	if c == nil || rhs == nil {
		return
	}
	if f.r.isMap(l) && !f.r.isNil(rhs) {
		st.known[key] = fact{[]astutil.Chain{c}}
		// A map field filled other than right where its struct is made
		// (lazily, or by some init method): the package has its own way
		// of making the field, which nilmap does not follow. A test that
		// fills it sets up its case; that is not the package's way (dapr's
		// placement test made the field its restore left nil).
		if fld, ok := c[len(c)-1].(*types.Var); ok && len(c) >= 2 && fld.IsField() && !wasTracked && !f.test {
			f.r.fieldInit[fld.Origin()] = true
		}
	}
	if len(c) != 1 {
		return
	}
	v := f.localVar(l)
	if v == nil {
		return
	}
	if f.r.isMapElem(rhs) {
		if k, ok := f.r.key(rhs); ok {
			deps := astutil.RefChains(f.r.Info, rhs)
			if !astutil.OverlapsAny(c, deps) {
				st.alias[v] = alias{key: k, deps: deps}
			}
		}
	}
	f.create(st, v, rhs, nil, s)
}

// create tracks the nil map fields of the struct value that rhs (or, when
// rhs is nil, the zero value of v's type) makes and assigns to v.
func (f *funcInfo) create(st *state, v *types.Var, rhs ast.Expr, spec *ast.ValueSpec, s ast.Stmt) {
	if f.captured[v] {
		return
	}
	var t types.Type
	if rhs == nil {
		t = v.Type()
	}
	paths, ok := f.r.nilFields(rhs, t)
	if !ok {
		return
	}
	kind := kindZero
	var lit *ast.CompositeLit
	if rhs != nil {
		e := ast.Unparen(rhs)
		if u, ok := e.(*ast.UnaryExpr); ok {
			e = ast.Unparen(u.X)
		}
		if l, ok := e.(*ast.CompositeLit); ok {
			kind, lit = kindLit, l
		} else {
			kind = kindNew
		}
	}
	for _, p := range paths {
		var pk strings.Builder
		for _, fld := range p {
			pk.WriteString(f.r.objID(fld) + ".")
		}
		node := ast.Node(s)
		if spec != nil {
			node = spec
		}
		o := f.origin(originKey{node, v, pk.String()}, func() *origin {
			pos := v.Pos()
			if rhs != nil {
				pos = rhs.Pos()
			}
			return &origin{kind: kind, v: v, path: p, stmt: s, lit: lit, pos: pos}
		})
		c := append(astutil.Chain{v}, objs(p)...)
		st.track[f.r.chainKey(c)] = track{stillNil, o, c}
		f.roots[v] = true
	}
}

func objs(vs []*types.Var) []types.Object {
	out := make([]types.Object, len(vs))
	for i, v := range vs {
		out[i] = v
	}
	return out
}

func (f *funcInfo) decl(st *state, s *ast.DeclStmt) {
	gd, ok := s.Decl.(*ast.GenDecl)
	if !ok || gd.Tok != token.VAR {
		return
	}
	for _, spec := range gd.Specs {
		vs := spec.(*ast.ValueSpec)
		for i, name := range vs.Names {
			v, ok := f.r.Info.Defs[name].(*types.Var)
			if !ok || name.Name == "_" {
				continue
			}
			f.kill(st, astutil.Chain{v})
			switch {
			case len(vs.Values) == len(vs.Names):
				rhs := vs.Values[i]
				if f.r.isMapElem(rhs) {
					if k, ok := f.r.key(rhs); ok {
						st.alias[v] = alias{key: k, deps: astutil.RefChains(f.r.Info, rhs)}
					}
				}
				f.create(st, v, rhs, vs, s)
			case len(vs.Values) == 0:
				if f.captured[v] {
					continue
				}
				if isMapType(v.Type()) {
					kind := multiVar
					if len(gd.Specs) == 1 && len(vs.Names) == 1 && !gd.Lparen.IsValid() {
						kind = loneVar
					}
					o := f.origin(originKey{vs, v, ""}, func() *origin {
						return &origin{kind: kind, v: v, stmt: s, typ: vs.Type, pos: name.Pos()}
					})
					c := astutil.Chain{v}
					st.track[f.r.chainKey(c)] = track{stillNil, o, c}
					f.roots[v] = true
				} else {
					f.create(st, v, nil, vs, s)
				}
			}
		}
	}
}

// write checks a write into the map m and records what it finds; then,
// since a write that did not panic proves its maps non-nil, it says so.
func (f *funcInfo) write(st *state, s ast.Stmt, m ast.Expr, isCopy bool) {
	m = ast.Unparen(m)
	w := f.writes[m]
	if w == nil {
		w = &write{fn: f, stmt: s, loc: m, copy: isCopy, bknown: true}
		w.levels = f.r.levels(m)
		w.known = make([]bool, len(w.levels))
		for i := range w.known {
			w.known[i] = true
		}
		w.base = m
		if len(w.levels) > 0 {
			w.base = ast.Unparen(w.levels[0].X)
		}
		if w.bc = astutil.ChainOf(f.r.Info, w.base); w.bc != nil {
			w.bkey = f.r.chainKey(w.bc)
		}
		f.writes[m] = w
		f.order = append(f.order, w)
	}
	for i, lv := range w.levels {
		k, ok := f.r.key(lv)
		if !ok {
			w.known[i] = false
			continue
		}
		if _, kn := st.known[k]; !kn {
			w.known[i] = false
		}
	}
	if w.bc != nil {
		if t, ok := st.track[w.bkey]; ok {
			if !w.tseen {
				w.tracked = t
			} else {
				w.tracked.bits |= t.bits
				if w.tracked.origin != t.origin {
					w.mixed = true
				}
			}
			w.tseen = true
		} else {
			w.useen = true
			if _, ok := st.known[w.bkey]; !ok {
				w.bknown = false
			}
		}
	}
	if isCopy {
		// An empty source leaves a nil map nil: the copy may or may not
		// have written.
		if w.bc != nil {
			if t, ok := st.track[w.bkey]; ok && t.bits&stillNil != 0 {
				t.bits |= proven
				st.track[w.bkey] = t
			}
		}
		return
	}
	for _, lv := range w.levels {
		if k, ok := f.r.key(lv); ok {
			st.known[k] = fact{astutil.RefChains(f.r.Info, lv)}
		}
	}
	if w.bc != nil {
		f.markNonNil(st, w.bkey, []astutil.Chain{w.bc})
	}
}

func (f *funcInfo) markNonNil(st *state, key string, deps []astutil.Chain) {
	st.known[key] = fact{deps}
	if t, ok := st.track[key]; ok {
		t.bits = t.bits&^stillNil | proven
		st.track[key] = t
	}
}

// nonNil records that the map e is not nil.
func (f *funcInfo) nonNil(st *state, e ast.Expr) {
	e = ast.Unparen(e)
	if id, ok := e.(*ast.Ident); ok {
		if v, ok := f.r.Info.Uses[id].(*types.Var); ok {
			if a, ok := st.alias[v]; ok && !a.ok {
				f.markNonNil(st, a.key, a.deps)
			}
		}
	}
	if !f.r.isMap(e) {
		return
	}
	if key, ok := f.r.key(e); ok {
		f.markNonNil(st, key, astutil.RefChains(f.r.Info, e))
	}
}

// cond returns the states in which e is true and false.
func (f *funcInfo) cond(st *state, e ast.Expr) (*state, *state) {
	if st.dead {
		return deadState(), deadState()
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		if x.Op == token.NOT {
			t, fl := f.cond(st, x.X)
			return fl, t
		}
	case *ast.BinaryExpr:
		switch x.Op {
		case token.LAND:
			t1, f1 := f.cond(st, x.X)
			t2, f2 := f.cond(t1, x.Y)
			return t2, join(f1, f2)
		case token.LOR:
			t1, f1 := f.cond(st, x.X)
			t2, f2 := f.cond(f1, x.Y)
			return join(t1, t2), f2
		}
		if m, ok := f.nilCompare(x); ok {
			t, fl := st.clone(), st.clone()
			if x.Op == token.EQL {
				f.nonNil(fl, m)
			} else {
				f.nonNil(t, m)
			}
			return t, fl
		}
		if m, whenTrue, ok := f.lenTest(x); ok {
			t, fl := st.clone(), st.clone()
			if whenTrue {
				f.nonNil(t, m)
			} else {
				f.nonNil(fl, m)
			}
			return t, fl
		}
	case *ast.Ident:
		if v, ok := f.r.Info.Uses[x].(*types.Var); ok {
			if a, ok := st.alias[v]; ok && a.ok {
				t := st.clone()
				if a.key != "" {
					f.markNonNil(t, a.key, a.deps)
				}
				if a.parent != "" {
					f.markNonNil(t, a.parent, a.deps)
				}
				return t, st.clone()
			}
		}
	}
	return st.clone(), st.clone()
}

// nilCompare returns m for m == nil, m != nil, nil == m, nil != m.
func (f *funcInfo) nilCompare(x *ast.BinaryExpr) (ast.Expr, bool) {
	if x.Op != token.EQL && x.Op != token.NEQ {
		return nil, false
	}
	switch {
	case f.r.isNil(x.Y):
		return x.X, true
	case f.r.isNil(x.X):
		return x.Y, true
	}
	return nil, false
}

// lenTest recognises comparisons of len(m) with a constant that imply m
// is not nil when they are true (whenTrue) or false: len(m) > 0,
// len(m) != 0, len(m) == 0 (false), and the like.
func (f *funcInfo) lenTest(x *ast.BinaryExpr) (m ast.Expr, whenTrue bool, ok bool) {
	arg := func(e ast.Expr) ast.Expr {
		call, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok || astutil.Builtin(f.r.Info, call) != "len" || len(call.Args) != 1 || !f.r.isMap(call.Args[0]) {
			return nil
		}
		return call.Args[0]
	}
	num := func(e ast.Expr) (int64, bool) {
		tv, ok := f.r.Info.Types[e]
		if !ok || tv.Value == nil {
			return 0, false
		}
		n, exact := constantInt64(tv)
		return n, exact
	}
	op := x.Op
	m = arg(x.X)
	n, isNum := num(x.Y)
	if m == nil {
		m = arg(x.Y)
		n, isNum = num(x.X)
		switch op { // c op len(m) is len(m) op' c
		case token.LSS:
			op = token.GTR
		case token.GTR:
			op = token.LSS
		case token.LEQ:
			op = token.GEQ
		case token.GEQ:
			op = token.LEQ
		}
	}
	if m == nil || !isNum {
		return nil, false, false
	}
	switch {
	case op == token.GTR && n >= 0, op == token.GEQ && n >= 1, op == token.NEQ && n == 0, op == token.EQL && n >= 1:
		return m, true, true
	case op == token.EQL && n == 0, op == token.LSS && n <= 1, op == token.LEQ && n <= 0:
		return m, false, true
	}
	return nil, false, false
}

// scan looks at every expression of n (a simple statement or an
// expression): uses of tracked locations, struct values made and handed
// out without a map field, and closures, which it analyses in place.
func (f *funcInfo) scan(st *state, n ast.Node) {
	if n == nil || st.dead {
		return
	}
	var stack []ast.Node
	ast.Inspect(n, func(x ast.Node) bool {
		if x == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		switch x := x.(type) {
		case *ast.FuncLit:
			f.closure(st, x)
			return false
		case *ast.Ident:
			if v, ok := f.r.Info.Uses[x].(*types.Var); ok && f.roots[v] {
				f.use(st, x, stack)
			}
		case *ast.CompositeLit:
			f.fieldsFrom(st, x, stack)
			f.handedOut(x, stack)
		case *ast.CallExpr:
			if astutil.Builtin(f.r.Info, x) == "new" {
				f.handedOut(x, stack)
			}
			f.storedCall(x, stack)
		case *ast.UnaryExpr:
			f.fieldAddress(x)
		}
		stack = append(stack, x)
		return true
	})
}

// fieldAddress notes a map field whose address the code takes
// (mapx.RepopulateNonzero(&nb.nodeByAddr, ...) in tailscale): whatever
// receives the pointer may make the map, in a way nilmap does not follow.
func (f *funcInfo) fieldAddress(u *ast.UnaryExpr) {
	if u.Op != token.AND {
		return
	}
	sel, ok := ast.Unparen(u.X).(*ast.SelectorExpr)
	if !ok {
		return
	}
	if s, ok := f.r.Info.Selections[sel]; ok && s.Kind() == types.FieldVal {
		if fld, ok := s.Obj().(*types.Var); ok && isMapType(fld.Type()) && !f.test {
			f.r.fieldInit[fld.Origin()] = true
		}
	}
}

// mapFields yields the map fields that a keyed struct literal sets, with
// their values.
func (f *funcInfo) mapFields(lit *ast.CompositeLit) func(yield func(*types.Var, ast.Expr) bool) {
	return func(yield func(*types.Var, ast.Expr) bool) {
		for _, el := range lit.Elts {
			kv, ok := el.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			id, ok := kv.Key.(*ast.Ident)
			if !ok {
				continue
			}
			if fld, ok := f.r.Info.Uses[id].(*types.Var); ok && fld.IsField() && isMapType(fld.Type()) {
				if !yield(fld, kv.Value) {
					return
				}
			}
		}
	}
}

func (f *funcInfo) closure(st *state, fl *ast.FuncLit) {
	targets, results := f.targets, f.results
	f.targets = nil
	in := &state{known: maps.Clone(st.known), alias: maps.Clone(st.alias), track: map[string]track{}}
	f.results = f.trackResults(fl.Type, fl.Body, in)
	f.list(fl.Body, fl.Body.List, in)
	f.targets, f.results = targets, results
}

// use classifies a use of the tracked variable id.
func (f *funcInfo) use(st *state, id *ast.Ident, stack []ast.Node) {
	var e ast.Expr = id
	i := len(stack) - 1
climb:
	for i >= 0 {
		switch p := stack[i].(type) {
		case *ast.ParenExpr:
			e = p
		case *ast.SelectorExpr:
			sel, ok := f.r.Info.Selections[p]
			if p.X != e || !ok || sel.Kind() != types.FieldVal {
				break climb
			}
			e = p
		default:
			break climb
		}
		i--
	}
	c := astutil.ChainOf(f.r.Info, e)
	if c == nil {
		return
	}
	parents := stack[:i+1]
	kind := f.r.useOf(e, parents)
	for key, t := range st.track {
		if !c.Overlaps(t.c) || len(c) > len(t.c) {
			continue
		}
		exact := len(c) == len(t.c)
		switch kind {
		case useIndexed, useSafe, useAssigned:
			continue
		case nilCmp:
			if exact && t.origin != nil {
				f.recordUse(e, t, kind, false, false)
			}
			continue
		}
		if t.origin != nil {
			errRet := false
			if kind == useReturn && i >= 0 {
				errRet = f.errReturn(parents[i].(*ast.ReturnStmt))
			}
			f.recordUse(e, t, kind, !exact, errRet)
		}
		_, isPtr := types.Unalias(f.r.Info.TypeOf(e)).Underlying().(*types.Pointer)
		switch {
		case kind == useAddr && !exact && t.origin != nil && f.decodes(parents):
			// Decoded into: the field is filled when the input has it.
			t.bits |= assigned
			st.track[key] = t
			if f.decoded == nil {
				f.decoded = map[*origin]token.Pos{}
			}
			if _, ok := f.decoded[t.origin]; !ok {
				f.decoded[t.origin] = e.Pos()
			}
		case kind == useAddr || kind == useMethod || !exact && isPtr:
			t.bits |= changed
			st.track[key] = t
		}
	}
}

func (f *funcInfo) recordUse(e ast.Node, t track, kind useKind, prefix, errRet bool) {
	k := useKey{e, t.origin}
	u := f.uses[k]
	if u == nil {
		u = &useRec{kind: kind, prefix: prefix, errRet: errRet, pos: e.Pos()}
		f.uses[k] = u
	}
	u.bits |= t.bits
}

// errReturn reports whether ret returns an error that is not nil, as its
// last result: the other results are then not meant to be used.
func (f *funcInfo) errReturn(ret *ast.ReturnStmt) bool {
	n := len(ret.Results)
	if n < 2 || f.r.isNil(ret.Results[n-1]) {
		return false
	}
	t := f.r.Info.TypeOf(ret.Results[n-1])
	if t == nil || !types.Identical(t, types.Universe.Lookup("error").Type()) {
		return false
	}
	return !f.selfChecked(ret)
}

// selfChecked reports whether the error that ret returns is what a method
// of another of its results says (return cfg, cfg.init()): the value is
// handed out whenever that check passes, not only on a failure (hugo's
// cascade decoder returned pcfg, pcfg.init(), with Params made on some
// paths only).
func (f *funcInfo) selfChecked(ret *ast.ReturnStmt) bool {
	n := len(ret.Results)
	call, ok := ast.Unparen(ret.Results[n-1]).(*ast.CallExpr)
	if !ok {
		return false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	if s, ok := f.r.Info.Selections[sel]; !ok || s.Kind() != types.MethodVal {
		return false
	}
	c := astutil.ChainOf(f.r.Info, sel.X)
	if c == nil {
		return false
	}
	for _, r := range ret.Results[:n-1] {
		if rc := astutil.ChainOf(f.r.Info, r); rc != nil && rc.Equal(c) {
			return true
		}
	}
	return false
}

// fieldsFrom notes the map fields that a struct literal fills in a way the
// package passes around on its own: with a map made elsewhere (T{m: m},
// T{m: load()}), or with any map when the literal is stored into a field
// (nl.record = record{virtConns: make(...)}, tailscale's netlog: the
// package re-makes the value in place on its own schedule, and a write
// through that field may rely on it, which nilmap does not follow).
//
// Two values are not the package's own way: the same field of another
// value (T{m: old.m}, a copy, nil when old's is), and a local that this
// function has made on every path before the literal (if m == nil { m =
// url.Values{} }; T{m: m}), which is as good as a make in place.
func (f *funcInfo) fieldsFrom(st *state, lit *ast.CompositeLit, stack []ast.Node) {
	if _, ok := astutil.CoreType(f.r.Info.TypeOf(lit)).(*types.Struct); !ok {
		return
	}
	refill := false
	if e, i := outerOf(lit, stack); i >= 0 {
		if sel, ok := ast.Unparen(assignee(stack[i], e)).(*ast.SelectorExpr); ok {
			s, ok := f.r.Info.Selections[sel]
			refill = ok && s.Kind() == types.FieldVal
		}
	}
	for fld, value := range f.mapFields(lit) {
		if !refill {
			switch v := ast.Unparen(value).(type) {
			case *ast.CompositeLit:
				continue
			case *ast.CallExpr:
				if astutil.Builtin(f.r.Info, v) == "make" {
					continue
				}
			case *ast.SelectorExpr:
				if c := astutil.ChainOf(f.r.Info, v); len(c) >= 2 {
					if last, ok := c[len(c)-1].(*types.Var); ok && last.Origin() == fld.Origin() {
						continue
					}
				}
			case *ast.Ident:
				if lv := f.localVar(v); lv != nil && !st.dead {
					if _, ok := st.known[f.r.chainKey(astutil.Chain{lv})]; ok {
						continue
					}
				}
			}
		}
		if !f.r.isNil(value) && !f.test {
			f.r.fieldInit[fld.Origin()] = true
		}
	}
}

// storedCall notes the map fields that a function of the package makes
// in place in a literal of the type it returns, when a call of it is
// stored into a field (tp.t = NewTranslator(…) in hugo's translation
// provider, whose zero value holds a Translator without its map until
// then): the package re-makes the value in place with them, its own way
// of filling them, as with a literal stored into a field (fieldsFrom).
func (f *funcInfo) storedCall(call *ast.CallExpr, stack []ast.Node) {
	if f.test {
		return
	}
	e, i := outerOf(call, stack)
	if i < 0 {
		return
	}
	sel, ok := ast.Unparen(assignee(stack[i], e)).(*ast.SelectorExpr)
	if !ok {
		return
	}
	if s, ok := f.r.Info.Selections[sel]; !ok || s.Kind() != types.FieldVal {
		return
	}
	fn := typeutil.StaticCallee(f.r.Info, call)
	if fn == nil || fn.Pkg() != f.r.Pkg {
		return
	}
	fd := f.r.declOf(fn)
	if fd == nil || fd.Body == nil {
		return
	}
	t := f.r.Info.TypeOf(call)
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		lit, ok := n.(*ast.CompositeLit)
		if !ok {
			return true
		}
		if lt := f.r.Info.TypeOf(lit); lt == nil || !types.Identical(lt, t) {
			return true
		}
		for fld, v := range f.mapFields(lit) {
			if f.r.madeValue(v) {
				f.r.fieldInit[fld.Origin()] = true
			}
		}
		return true
	})
}

// assignee returns what statement n assigns e to (x in x = e, x := e),
// or nil.
func assignee(n ast.Node, e ast.Expr) ast.Expr {
	if as, ok := n.(*ast.AssignStmt); ok && len(as.Lhs) == len(as.Rhs) {
		for j, r := range as.Rhs {
			if r == e {
				return as.Lhs[j]
			}
		}
	}
	return nil
}

// outerOf returns the expression that x is in its context, through
// parentheses and &, and the index in stack (x's ancestors) of the node
// that uses it, or -1.
func outerOf(x ast.Expr, stack []ast.Node) (ast.Expr, int) {
	e := x
	i := len(stack) - 1
	for ; i >= 0; i-- {
		if p, ok := stack[i].(*ast.ParenExpr); ok {
			e = p
		} else if u, ok := stack[i].(*ast.UnaryExpr); ok && u.Op == token.AND && u.X == e {
			e = u
		} else {
			break
		}
	}
	return e, i
}

// handedOut records, for the struct fields rule, a struct value made
// without some map field and handed out as it is: returned, or stored
// somewhere other than a local variable.
func (f *funcInfo) handedOut(x ast.Expr, stack []ast.Node) {
	if f.test {
		return
	}
	e, i := outerOf(x, stack)
	if i < 0 {
		return
	}
	switch p := stack[i].(type) {
	case *ast.AssignStmt:
		if l := assignee(p, e); l != nil && f.localVar(l) != nil {
			return // followed by the flow analysis
		}
	case *ast.ValueSpec:
		return
	case *ast.ReturnStmt:
		if f.errReturn(p) {
			return
		}
	}
	kind := f.r.useOf(e, stack[:i+1])
	if kind != useReturn && (kind != useStore || isPointer(f.r.Info.TypeOf(e))) {
		return // a pointer stored away may still be filled through
	}
	paths, ok := f.r.nilFields(x, nil)
	if !ok {
		return
	}
	for _, p := range paths {
		if f.otherKindMade(x, p) {
			continue
		}
		f.r.addCreation(p[len(p)-1], site{pos: x.Pos(), fn: f.name, typ: f.r.Info.TypeOf(x)})
	}
}

// otherKindMade reports whether the function that makes x, a T without
// the map field at path, also makes a T in another literal with that
// field made in place (f: make(…) or a map literal): it builds two kinds
// of T on purpose, and the one without the map is not the kind that the
// code writing into it gets (the standard library's trace.NewReader makes
// a Reader of an old trace format without its ordering's maps, and one of
// the current format with them; only the latter reaches the writes).
func (f *funcInfo) otherKindMade(x ast.Expr, path []*types.Var) bool {
	t := f.r.Info.TypeOf(x)
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	found := false
	ast.Inspect(f.root, func(n ast.Node) bool {
		lit, ok := n.(*ast.CompositeLit)
		if found || !ok || ast.Expr(lit) == ast.Unparen(x) {
			return !found
		}
		if u, ok := ast.Unparen(x).(*ast.UnaryExpr); ok && ast.Expr(lit) == ast.Unparen(u.X) {
			return true
		}
		if lt := f.r.Info.TypeOf(lit); lt == nil || !types.Identical(lt, t) {
			return true
		}
		v := ast.Expr(lit)
		for _, fld := range path {
			l, ok := ast.Unparen(v).(*ast.CompositeLit)
			if !ok {
				return true
			}
			v = nil
			for _, el := range l.Elts {
				if kv, ok := el.(*ast.KeyValueExpr); ok {
					if id, ok := kv.Key.(*ast.Ident); ok && f.r.Info.Uses[id] == fld {
						v = kv.Value
					}
				}
			}
			if v == nil {
				return true
			}
		}
		found = f.r.madeValue(v)
		return !found
	})
	return found
}

// finish turns what the walk recorded into findings and candidates.
func (f *funcInfo) finish() {
	if f.bail {
		return
	}
	var ok bool
	for k, u := range f.uses {
		o := k.o
		// Nil on every path, or on some paths and assigned on others (a
		// constructor that makes the field only when it has entries for
		// it): either way some callers get the value without the map. A
		// path that assigned the field and then wrote into it (proven) is
		// one that assigned it (hugo's cascade decoder made Params lazily
		// and filled it, in one case of a switch).
		b := u.bits &^ assigned
		if u.bits&assigned != 0 {
			b &^= proven
		}
		if !u.prefix || b != stillNil || u.errRet || len(o.path) == 0 || f.test {
			continue
		}
		if u.kind != useReturn && (u.kind != useStore || isPointer(o.v.Type())) {
			continue // a pointer stored away may still be filled through
		}
		st := site{pos: o.pos, fn: f.name, typ: o.v.Type()}
		if pos, ok := f.decoded[o]; ok {
			st.pos, st.decoded = pos, true
		}
		if u.bits&assigned != 0 {
			st.partial = true
			if st.conds, ok = f.fillConds(o); !ok {
				continue
			}
		}
		f.r.addCreation(o.path[len(o.path)-1], st)
	}
	f.nilReturns()
	for _, w := range f.order {
		if len(w.levels) > 0 {
			first := -1
			for i := len(w.levels) - 1; i >= 0 && !w.known[i]; i-- {
				first = i
			}
			if first >= 0 {
				f.r.nested = append(f.r.nested, nested{w, first})
			}
			continue
		}
		f.r.baseCheck(w)
	}
}

// blocked says why the origin's fix would change what the code does: it
// uses the map while it is still nil (compares it with nil, or hands it
// out on a path where nothing has assigned or written it).
func (f *funcInfo) blocked(o *origin) (token.Pos, useKind, bool) {
	best := token.NoPos
	var kind useKind
	for k, u := range f.uses {
		if k.o != o {
			continue
		}
		hit := false
		switch u.kind {
		case nilCmp:
			hit = u.bits&stillNil != 0
		case useSafe, useIndexed, useAssigned:
		default:
			// Nil on some path, and written on none: an assignment on
			// another path does not make the fix harmless.
			hit = u.bits&^assigned == stillNil
		}
		if hit && (best == token.NoPos || u.pos < best) {
			best, kind = u.pos, u.kind
		}
	}
	return best, kind, best != token.NoPos
}
