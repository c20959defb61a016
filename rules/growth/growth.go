package growth

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"os"
	"sort"

	"github.com/mapfix/mapfix/rules"
	"github.com/mapfix/mapfix/rules/internal/astutil"
)

// Rule is the growth rule, as the mapfix engine runs it.
var Rule = &rules.Rule{
	Name: "growth",
	Doc:  "maps in long-lived state that gain an entry per request or event and that nothing shrinks",
	Help: "A map held by a package variable or a long-lived struct (a server, a store it keeps) that an HTTP handler, " +
		"a goroutine's event loop or a registered callback fills with keys taken from the request or the event, and " +
		"that nothing in the package deletes from, clears or replaces, grows with every new key for as long as the " +
		"process runs: a memory leak whose pace the clients set. Reported once per map, at the insert, naming where " +
		"it grows. There is no automatic fix, since a bound or an eviction policy is a design decision: delete the " +
		"entry when it is done with (logout, close), expire entries on a timer, or cap the map (an LRU, a size check). " +
		"Keys of small finite types (bool, enums), constant keys, inserts that only update existing entries, and maps " +
		"whose length the package checks are left alone.",
	Run: runGrowth,
}

var debug = os.Getenv("GROWTH_DEBUG") != ""

// noFix is why no finding has a fix.
const noFix = "a bound or an eviction policy is a design decision"

// maxDepth bounds how far calls are followed from an entry.
const maxDepth = 6

type run struct {
	*rules.Pass
	files []*ast.File // without _test.go files
	decls map[*types.Func]*ast.FuncDecl
	// calls are the static call sites of each function of the package;
	// escapes the functions also used as values (called out of sight).
	calls   map[*ast.FuncDecl][]*ast.CallExpr
	escapes map[*ast.FuncDecl]bool
	// sources are the values assigned to each local variable; a nil
	// element is a value that cannot be traced (a tuple, a range variable).
	sources map[*types.Var][]ast.Expr
	params  map[*types.Var]paramOf

	entries []*entry

	// Filled after the scan.
	shrunk      map[*types.Var]bool
	shrunkTypes []types.Type // map types deleted from through unknown origins
	bounded     map[*types.Var]bool
	pendShrink  []ast.Expr // delete/clear operands, resolved once sources are known
	pendBound   []ast.Expr // len operands compared with a bound

	memo map[memoKey]int // 1 in progress, 2 returns nothing tainted, 3 returns tainted
	// perEventGo are the go statements that run per request or event;
	// dry is set while they are searched for, when nothing is recorded.
	perEventGo map[*ast.GoStmt]bool
	dry        bool
	found      map[*types.Var]*insert
	order      []*types.Var
	enclose    map[ast.Node]ast.Node // function literal → the function it is written in

	memoTests map[*ast.FuncType]bool
}

type paramOf struct {
	fd  *ast.FuncDecl // nil for a parameter of a function literal
	idx int           // -1 for the receiver
}

func runGrowth(p *rules.Pass) []rules.Finding {
	r := &run{
		Pass:       p,
		decls:      map[*types.Func]*ast.FuncDecl{},
		calls:      map[*ast.FuncDecl][]*ast.CallExpr{},
		escapes:    map[*ast.FuncDecl]bool{},
		sources:    map[*types.Var][]ast.Expr{},
		params:     map[*types.Var]paramOf{},
		shrunk:     map[*types.Var]bool{},
		bounded:    map[*types.Var]bool{},
		memo:       map[memoKey]int{},
		perEventGo: map[*ast.GoStmt]bool{},
		found:      map[*types.Var]*insert{},
		enclose:    map[ast.Node]ast.Node{},
	}
	for _, f := range p.Files {
		if p.InTest(f.Pos()) {
			continue
		}
		r.files = append(r.files, f)
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok {
				if fn, ok := p.Info.Defs[fd.Name].(*types.Func); ok {
					r.decls[fn] = fd
				}
			}
		}
	}
	for _, f := range r.files {
		r.scan(f)
	}
	if len(r.entries) == 0 {
		return nil
	}
	r.entries = dedupe(r.entries)
	for _, e := range r.pendShrink {
		r.markShrunk(e)
	}
	for _, e := range r.pendBound {
		locs, _ := r.origins(e, 0)
		for _, v := range locs {
			r.bounded[v] = true
		}
	}
	// First find the goroutines that start per request or event, without
	// recording inserts: what they are given is not long-lived.
	for _, e := range r.entries {
		if e.spawn == nil {
			continue
		}
		r.dry = true
		for range 3 {
			before := len(r.perEventGo)
			clear(r.memo)
			for _, e := range r.entries {
				r.walkEntry(e)
			}
			if len(r.perEventGo) == before {
				break
			}
		}
		r.dry = false
		clear(r.memo)
		break
	}
	for _, e := range r.entries {
		r.walkEntry(e)
	}
	var out []rules.Finding
	for _, v := range r.order {
		in := r.found[v]
		if debug {
			fmt.Fprintf(os.Stderr, "growth-debug: %s: %s shrunk=%v bounded=%v typeShrunk=%v\n", p.Fset.Position(in.idx.Pos()), types.ExprString(in.idx), r.shrunk[v], r.bounded[v], r.typeShrunk(v))
		}
		if r.shrunk[v] || r.bounded[v] || r.typeShrunk(v) {
			continue
		}
		out = append(out, rules.Finding{
			Rule: "growth", Pos: in.idx.Pos(), End: in.idx.End(),
			Message: r.message(in),
			NoFix:   noFix,
		})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Pos < out[j].Pos })
	return out
}

// scan records, in one pass over a file, the entries (handlers,
// goroutines, callbacks), the call sites and escapes of the package's
// functions, the values assigned to locals, and what may shrink or bound a
// map.
func (r *run) scan(f *ast.File) {
	var stack []ast.Node
	ast.Inspect(f, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return false
		}
		stack = append(stack, n)
		switch n := n.(type) {
		case *ast.FuncDecl:
			r.paramsOf(n)
			r.serveHTTP(n)
		case *ast.FuncLit:
			if fn := enclosingFunc(stack[:len(stack)-1]); fn != nil {
				r.enclose[n] = fn
			}
			for _, v := range r.paramVars(n.Type) {
				if v != nil {
					r.params[v] = paramOf{idx: -2} // called from anywhere
				}
			}
		case *ast.GoStmt:
			if !r.forTests(stack) {
				r.goEntry(n, stack)
			}
		case *ast.CallExpr:
			r.callSite(n)
			if !r.forTests(stack) {
				r.registration(n, stack)
			}
			switch astutil.Builtin(r.Info, n) {
			case "delete", "clear":
				if len(n.Args) > 0 {
					r.pendShrink = append(r.pendShrink, n.Args[0])
				}
			}
			if r.isFunc(n, "maps", "DeleteFunc") && len(n.Args) > 0 {
				r.pendShrink = append(r.pendShrink, n.Args[0])
			}
		case *ast.Ident:
			// A function used as a value is called where the package
			// cannot see: its parameters may hold anything.
			if fn, ok := r.Info.Uses[n].(*types.Func); ok {
				if fd := r.decls[fn.Origin()]; fd != nil && !calledAt(stack) {
					r.escapes[fd] = true
				}
			}
		case *ast.AssignStmt:
			r.assign(n, stack)
			if len(n.Lhs) == len(n.Rhs) && !r.forTests(stack) {
				for i := range n.Lhs {
					r.fieldAssignCallback(n.Lhs[i], n.Rhs[i])
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				v, ok := r.Info.Defs[name].(*types.Var)
				if !ok || v.Parent() == r.Pkg.Scope() {
					continue
				}
				switch {
				case len(n.Values) == len(n.Names):
					r.sources[v] = append(r.sources[v], n.Values[i])
				case len(n.Values) == 0:
					// Declared with its zero value: nothing to trace.
				default:
					r.sources[v] = append(r.sources[v], nil)
				}
			}
		case *ast.RangeStmt:
			for _, x := range []ast.Expr{n.Key, n.Value} {
				if id, ok := x.(*ast.Ident); ok {
					if v, ok := r.Info.ObjectOf(id).(*types.Var); ok {
						r.sources[v] = append(r.sources[v], nil)
					}
				}
			}
		case *ast.CompositeLit:
			if !r.forTests(stack) {
				r.fieldCallbacks(n, stack)
			}
		case *ast.BinaryExpr:
			switch n.Op {
			case token.LSS, token.LEQ, token.GTR, token.GEQ:
				for _, pair := range [][2]ast.Expr{{n.X, n.Y}, {n.Y, n.X}} {
					if x := r.lenOf(pair[0]); x != nil && !r.smallConst(pair[1]) {
						r.pendBound = append(r.pendBound, x)
					}
				}
			}
		}
		return true
	})
}

// forTests reports whether the node at the end of stack is in a function
// that takes a *testing.T (or B, F, TB): a test helper, whose servers and
// goroutines live as long as a test.
func (r *run) forTests(stack []ast.Node) bool {
	for _, n := range stack {
		ft := astutil.FuncType(n)
		if ft == nil {
			continue
		}
		if r.memoTests == nil {
			r.memoTests = map[*ast.FuncType]bool{}
		}
		is, ok := r.memoTests[ft]
		if !ok {
			for _, p := range r.paramVars(ft) {
				if p != nil && fromTesting(p.Type()) {
					is = true
				}
			}
			r.memoTests[ft] = is
		}
		if is {
			return true
		}
	}
	return false
}

func fromTesting(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "testing"
}

// dedupe drops the entries that repeat another: a function registered
// twice, or both registered and shaped like a handler.
func dedupe(es []*entry) []*entry {
	seen := map[entry]bool{}
	var out []*entry
	for _, e := range es {
		if !seen[*e] {
			seen[*e] = true
			out = append(out, e)
		}
	}
	return out
}

// calledAt reports whether the identifier at the end of stack is the
// function of a call (f(…), x.f(…), pkg.f(…)).
func calledAt(stack []ast.Node) bool {
	id := stack[len(stack)-1]
	for i := len(stack) - 2; i >= 0; i-- {
		switch p := stack[i].(type) {
		case *ast.SelectorExpr:
			if p.Sel != id {
				return false
			}
			id = p
		case *ast.IndexExpr: // a generic function instantiated: f[T](…)
			if p.X != id {
				return false
			}
			id = p
		case *ast.IndexListExpr:
			if p.X != id {
				return false
			}
			id = p
		case *ast.ParenExpr:
			id = p
		case *ast.CallExpr:
			return p.Fun == id
		case *ast.FuncDecl:
			return p.Name == id
		default:
			return false
		}
	}
	return false
}

func enclosingFunc(stack []ast.Node) ast.Node {
	for i := len(stack) - 1; i >= 0; i-- {
		switch stack[i].(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return stack[i]
		}
	}
	return nil
}

func outerDecl(stack []ast.Node) *ast.FuncDecl {
	for _, n := range stack {
		if fd, ok := n.(*ast.FuncDecl); ok {
			return fd
		}
	}
	return nil
}

func (r *run) paramsOf(fd *ast.FuncDecl) {
	if fd.Recv != nil {
		for _, name := range fd.Recv.List[0].Names {
			if v, ok := r.Info.Defs[name].(*types.Var); ok {
				r.params[v] = paramOf{fd, -1}
			}
		}
	}
	i := 0
	for _, fl := range fd.Type.Params.List {
		if len(fl.Names) == 0 {
			i++
			continue
		}
		for _, name := range fl.Names {
			if v, ok := r.Info.Defs[name].(*types.Var); ok {
				r.params[v] = paramOf{fd, i}
			}
			i++
		}
	}
}

func (r *run) callSite(c *ast.CallExpr) {
	if fd := r.callee(c); fd != nil {
		r.calls[fd] = append(r.calls[fd], c)
	}
}

// callee returns the declaration of the function or method of the package
// that c calls statically (not through an interface or a function value).
func (r *run) callee(c *ast.CallExpr) *ast.FuncDecl {
	var obj types.Object
	fun := ast.Unparen(c.Fun)
	switch f := fun.(type) {
	case *ast.IndexExpr:
		fun = f.X
	case *ast.IndexListExpr:
		fun = f.X
	}
	switch f := fun.(type) {
	case *ast.Ident:
		obj = r.Info.Uses[f]
	case *ast.SelectorExpr:
		if s, ok := r.Info.Selections[f]; ok {
			if s.Kind() != types.MethodVal {
				return nil
			}
			obj = s.Obj()
		} else {
			obj = r.Info.Uses[f.Sel]
		}
	}
	fn, ok := obj.(*types.Func)
	if !ok {
		return nil
	}
	return r.decls[fn.Origin()]
}

// assign records the values assigned to locals, and the assignments that
// reset a map: the map itself, or a struct that holds it, assigned outside
// the code that builds it.
func (r *run) assign(as *ast.AssignStmt, stack []ast.Node) {
	for i, lhs := range as.Lhs {
		id, isIdent := ast.Unparen(lhs).(*ast.Ident)
		if isIdent {
			if v, ok := r.Info.ObjectOf(id).(*types.Var); ok && v.Parent() != r.Pkg.Scope() {
				if len(as.Lhs) == len(as.Rhs) && (as.Tok == token.DEFINE || as.Tok == token.ASSIGN) {
					r.sources[v] = append(r.sources[v], as.Rhs[i])
				} else {
					r.sources[v] = append(r.sources[v], nil)
				}
			}
			if as.Tok == token.DEFINE && r.Info.Defs[id] != nil {
				continue // a declaration, not a reset
			}
		}
		if as.Tok != token.ASSIGN && as.Tok != token.DEFINE {
			continue
		}
		if ix, ok := ast.Unparen(lhs).(*ast.IndexExpr); ok {
			if _, isMap := astutil.CoreType(r.Info.TypeOf(ix.X)).(*types.Map); isMap {
				continue // an entry of a map, not the map
			}
		}
		if r.building(lhs, stack) {
			continue
		}
		t := r.Info.TypeOf(lhs)
		if t == nil {
			continue
		}
		if _, ok := astutil.CoreType(t).(*types.Map); ok {
			if v := r.varOf(lhs); v != nil {
				r.shrunk[v] = true
			}
			continue
		}
		for _, f := range r.mapFields(t, 0) {
			r.shrunk[f] = true
		}
	}
}

// building reports whether an assignment to lhs is part of making the value
// it belongs to: in init or main, to a local map in the function that
// declares it, or to a field of a struct that this function builds.
func (r *run) building(lhs ast.Expr, stack []ast.Node) bool {
	// Setup is the body of init or main itself: a function literal in it
	// (a ticker goroutine, a handler registered there) runs later, and a
	// reset there is a reset.
	if fd, ok := enclosingFunc(stack).(*ast.FuncDecl); ok && fd.Recv == nil && (fd.Name.Name == "init" || fd.Name.Name == "main" && r.Pkg.Name() == "main") {
		return true
	}
	c := astutil.WrittenChain(r.Info, lhs)
	if len(c) == 0 {
		return false
	}
	root, ok := c[0].(*types.Var)
	if !ok || root.Parent() == r.Pkg.Scope() || root.Pkg() != r.Pkg {
		return false
	}
	fn := enclosingFunc(stack)
	if fn == nil || !(fn.Pos() <= root.Pos() && root.Pos() < fn.End()) {
		return false // captured from an outer function
	}
	if _, isParam := r.params[root]; isParam {
		return false
	}
	if lit, ok := fn.(*ast.FuncLit); ok && lit.Type.Params != nil {
		for _, fl := range lit.Type.Params.List {
			for _, name := range fl.Names {
				if r.Info.Defs[name] == root {
					return false
				}
			}
		}
	}
	if len(c) == 1 {
		return true
	}
	for _, src := range r.sources[root] {
		if !r.fresh(src) {
			return false
		}
	}
	return true
}

// fresh reports whether e makes a new value: a composite literal, its
// address, new(T), or a call of a function of the package named new… or
// New….
func (r *run) fresh(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		return true
	case *ast.UnaryExpr:
		_, ok := ast.Unparen(e.X).(*ast.CompositeLit)
		return e.Op == token.AND && ok
	case *ast.CallExpr:
		if b := astutil.Builtin(r.Info, e); b == "new" || b == "make" {
			return true
		}
		if fd := r.callee(e); fd != nil && fd.Recv == nil {
			n := fd.Name.Name
			return len(n) > 3 && (n[:3] == "new" || n[:3] == "New")
		}
	}
	return false
}

// mapFields returns the map fields, declared in this package, that a value
// of type t holds directly or through struct fields (by value or pointer).
func (r *run) mapFields(t types.Type, depth int) []*types.Var {
	if p, ok := types.Unalias(t).Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := astutil.CoreType(t).(*types.Struct)
	if !ok || depth > 3 {
		return nil
	}
	var out []*types.Var
	for i := range st.NumFields() {
		f := st.Field(i)
		switch astutil.CoreType(f.Type()).(type) {
		case *types.Map:
			if f.Pkg() == r.Pkg {
				out = append(out, f.Origin())
			}
		case *types.Struct, *types.Pointer:
			out = append(out, r.mapFields(f.Type(), depth+1)...)
		}
	}
	return out
}

// markShrunk marks the maps that a delete or clear of e may shrink.
func (r *run) markShrunk(e ast.Expr) {
	locs, unknown := r.origins(e, 0)
	for _, v := range locs {
		r.shrunk[v] = true
	}
	if unknown {
		if t := r.Info.TypeOf(e); t != nil {
			r.shrunkTypes = append(r.shrunkTypes, t)
		}
	}
}

func (r *run) typeShrunk(v *types.Var) bool {
	for _, t := range r.shrunkTypes {
		if types.Identical(t.Underlying(), v.Type().Underlying()) {
			return true
		}
	}
	return false
}

// origins returns the map locations (package variables, fields, locals)
// that the map e may be, following locals to what was assigned to them and
// parameters to the arguments of the package's calls; unknown when some
// value cannot be traced.
func (r *run) origins(e ast.Expr, depth int) (locs []*types.Var, unknown bool) {
	if depth > 4 {
		return nil, true
	}
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.CallExpr:
		if b := astutil.Builtin(r.Info, x); b == "make" {
			return nil, false
		}
		if astutil.IsConversion(r.Info, x) && len(x.Args) == 1 {
			return r.origins(x.Args[0], depth+1)
		}
		return nil, true
	case *ast.CompositeLit:
		return nil, false
	case *ast.IndexExpr:
		if _, isMap := astutil.CoreType(r.Info.TypeOf(x.X)).(*types.Map); isMap {
			return nil, false // an inner map: not a location this rule follows
		}
		return nil, true
	}
	v := r.varOf(e)
	if v == nil {
		return nil, true
	}
	if v.IsField() || v.Parent() == v.Pkg().Scope() {
		return []*types.Var{v}, false
	}
	locs = []*types.Var{v}
	if p, ok := r.params[v]; ok {
		if p.fd == nil || r.escapes[p.fd] || len(r.calls[p.fd]) == 0 {
			return locs, true
		}
		for _, c := range r.calls[p.fd] {
			var arg ast.Expr
			if p.idx < 0 {
				if sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr); ok {
					arg = sel.X
				}
			} else if p.idx < len(c.Args) {
				arg = c.Args[p.idx]
			}
			if arg == nil {
				unknown = true
				continue
			}
			l, u := r.origins(arg, depth+1)
			locs = append(locs, l...)
			unknown = unknown || u
		}
		return locs, unknown
	}
	for _, src := range r.sources[v] {
		if src == nil {
			unknown = true
			continue
		}
		l, u := r.origins(src, depth+1)
		locs = append(locs, l...)
		unknown = unknown || u
	}
	return locs, unknown
}

// varOf returns the variable or field that e names, in its generic origin.
func (r *run) varOf(e ast.Expr) *types.Var {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if v, ok := r.Info.ObjectOf(e).(*types.Var); ok && e.Name != "_" {
			return v.Origin()
		}
	case *ast.SelectorExpr:
		if s, ok := r.Info.Selections[e]; ok {
			if s.Kind() == types.FieldVal {
				if v, ok := s.Obj().(*types.Var); ok {
					return v.Origin()
				}
			}
			return nil
		}
		if v, ok := r.Info.Uses[e.Sel].(*types.Var); ok {
			return v.Origin()
		}
	}
	return nil
}

// lenOf returns x when e is len(x) of a map, or nil.
func (r *run) lenOf(e ast.Expr) ast.Expr {
	c, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(c.Args) != 1 || astutil.Builtin(r.Info, c) != "len" {
		return nil
	}
	if _, isMap := astutil.CoreType(r.Info.TypeOf(c.Args[0])).(*types.Map); !isMap {
		return nil
	}
	return c.Args[0]
}

// smallConst reports a constant 0 or 1: comparing a length with it asks
// whether the map is empty, which bounds nothing.
func (r *run) smallConst(e ast.Expr) bool {
	tv, ok := r.Info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
		return false
	}
	n, exact := constant.Int64Val(tv.Value)
	return exact && n <= 1
}

func (r *run) isFunc(c *ast.CallExpr, pkg, name string) bool {
	var id *ast.Ident
	switch f := ast.Unparen(c.Fun).(type) {
	case *ast.SelectorExpr:
		id = f.Sel
	case *ast.Ident:
		id = f
	default:
		return false
	}
	fn, ok := r.Info.Uses[id].(*types.Func)
	return ok && fn.Pkg() != nil && fn.Pkg().Path() == pkg && fn.Name() == name
}

// message says where the map grows.
func (r *run) message(in *insert) string {
	name := types.ExprString(in.idx.X)
	where := fmt.Sprintf("in %s (%s)", r.funcDesc(in.fn, in.entry), r.Where(in.idx.Pos()))
	if in.fn != in.entry.fn() {
		where += ", called from " + r.funcDesc(in.entry.fn(), in.entry)
	}
	return fmt.Sprintf("map %s grows by one entry per %s %s, and nothing in the package deletes from it, clears or replaces it",
		name, in.entry.per(), where)
}

// funcDesc names a function for a message.
func (r *run) funcDesc(fn ast.Node, e *entry) string {
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		if fn.Recv != nil {
			return recvTypeName(fn) + "." + fn.Name.Name
		}
		return fn.Name.Name
	case *ast.FuncLit:
		outer := "a function literal"
		if fn == e.lit {
			outer = e.litDesc()
		}
		var in ast.Node = fn
		for in != nil {
			if fd, ok := in.(*ast.FuncDecl); ok {
				return outer + " in " + r.funcDesc(fd, e)
			}
			in = r.enclose[in]
		}
		return outer + " at package level"
	}
	return "?"
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
