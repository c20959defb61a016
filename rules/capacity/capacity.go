package capacity

import (
	"errors"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dave/dst"
	"github.com/mapfix/mapfix/rules"
	"github.com/mapfix/mapfix/rules/internal/astutil"
)

// Rule is the capacity rule, as the mapfix engine runs it.
var Rule = &rules.Rule{
	Name: "capacity",
	Doc:  "maps filled to a known size right after they are made, without a size hint",
	Help: "A map made without a size hint and then filled in a loop whose size is known before the map is made " +
		"grows while it fills: each growth allocates a larger table, moves every entry and leaves garbage behind. " +
		"The fix passes the size as make's hint (make(map[K]V, len(S))), so the table is allocated once. " +
		"Only reported when every iteration inserts exactly once and the size has no side effects.",
	Run: runCapacity,
}

func runCapacity(p *rules.Pass) []rules.Finding {
	r := &run{Pass: p}
	for _, f := range p.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok {
				if fd.Body != nil {
					r.function(fd.Body)
				}
				continue
			}
			// Function literals in package-level initializers.
			ast.Inspect(d, func(n ast.Node) bool {
				if fl, ok := n.(*ast.FuncLit); ok {
					r.function(fl.Body)
					return false
				}
				return true
			})
		}
	}
	return r.out
}

type run struct {
	*rules.Pass
	out []rules.Finding

	// Per outermost function body; closures are part of it.
	fn       *ast.BlockStmt
	escaped  map[*types.Var]bool // computed on first use
	reserved map[string]bool     // names given to hoisted calls
	hasGoto  bool
}

func (r *run) function(body *ast.BlockStmt) {
	r.fn, r.escaped, r.reserved = body, nil, map[string]bool{}
	r.hasGoto = false
	ast.Inspect(body, func(n ast.Node) bool {
		if b, ok := n.(*ast.BranchStmt); ok && b.Tok == token.GOTO {
			r.hasGoto = true
		}
		return true
	})
	ast.Inspect(body, func(n ast.Node) bool {
		r.list(n, astutil.Stmts(n))
		return true
	})
}

// A creation is one empty map assigned to X in a statement.
type creation struct {
	owner  ast.Node // the block or clause whose list holds stmt
	stmt   ast.Stmt // *ast.AssignStmt or *ast.DeclStmt
	x      ast.Expr
	xc     astutil.Chain
	rhs    ast.Expr        // *ast.CallExpr (make) or *ast.CompositeLit
	assign *ast.AssignStmt // the parent of rhs, or
	spec   *ast.ValueSpec  // this one
	single bool            // stmt assigns nothing else
	lhs    []astutil.Chain // every location stmt assigns
	others []ast.Expr      // the values stmt assigns besides rhs
	// lazy says stmt is the last statement of an if X == nil { … } whose
	// statement list is owner's, checked against the statements after the
	// if: the map is made only when it was not made before.
	lazy bool
	// kv is set when the map is the value of a field in a struct literal
	// that stmt assigns to a variable: x is then the variable's field.
	kv *ast.KeyValueExpr
}

func (r *run) list(owner ast.Node, list []ast.Stmt) {
	for i, s := range list {
		for _, c := range r.creations(owner, s) {
			r.check(c, list, i)
		}
		if c := r.lazyCreation(s); c != nil {
			r.check(c, list, i)
		}
	}
}

// lazyCreation returns the creation that s makes lazily,
//
//	if X == nil {
//		…
//		X = make(map[K]V)
//	}
//
// as a creation whose fills follow s, or nil. When X was made before, the
// fills insert into that map and the hint changes nothing.
func (r *run) lazyCreation(s ast.Stmt) *creation {
	is, ok := s.(*ast.IfStmt)
	if !ok || is.Init != nil || is.Else != nil || len(is.Body.List) == 0 {
		return nil
	}
	cond, ok := ast.Unparen(is.Cond).(*ast.BinaryExpr)
	if !ok || cond.Op != token.EQL {
		return nil
	}
	x := cond.X
	if r.isNil(cond.X) {
		x = cond.Y
	} else if !r.isNil(cond.Y) {
		return nil
	}
	xc := astutil.ChainOf(r.Info, x)
	if xc == nil {
		return nil
	}
	last := is.Body.List[len(is.Body.List)-1]
	for _, c := range r.creations(is.Body, last) {
		if c.single && c.assign != nil && c.assign.Tok == token.ASSIGN && astutil.ChainOf(r.Info, c.x).Equal(xc) {
			c.lazy = true
			return c
		}
	}
	return nil
}

// isNil reports whether e is the predeclared nil.
func (r *run) isNil(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	_, isNil := r.Info.Uses[id].(*types.Nil)
	return isNil
}

func (r *run) creations(owner ast.Node, s ast.Stmt) []*creation {
	var out []*creation
	switch s := s.(type) {
	case *ast.AssignStmt:
		if (s.Tok != token.DEFINE && s.Tok != token.ASSIGN) || len(s.Lhs) != len(s.Rhs) {
			return nil
		}
		var lhs []astutil.Chain
		for _, l := range s.Lhs {
			if c := astutil.WrittenChain(r.Info, l); c != nil {
				lhs = append(lhs, c)
			}
		}
		for i, rhs := range s.Rhs {
			if r.emptyMap(rhs) {
				out = append(out, &creation{owner: owner, stmt: s, x: s.Lhs[i], rhs: rhs, assign: s, single: len(s.Lhs) == 1, lhs: lhs})
			}
		}
		if len(s.Lhs) == 1 {
			out = append(out, r.fieldCreations(owner, s, lhs)...)
		}
	case *ast.DeclStmt:
		gd, ok := s.Decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.VAR {
			return nil
		}
		var lhs []astutil.Chain
		for _, sp := range gd.Specs {
			for _, n := range sp.(*ast.ValueSpec).Names {
				if c := astutil.ChainOf(r.Info, n); c != nil {
					lhs = append(lhs, c)
				}
			}
		}
		for _, sp := range gd.Specs {
			vs := sp.(*ast.ValueSpec)
			if len(vs.Names) != len(vs.Values) {
				continue
			}
			for i, v := range vs.Values {
				if r.emptyMap(v) {
					out = append(out, &creation{owner: owner, stmt: s, x: vs.Names[i], rhs: v, spec: vs, single: len(gd.Specs) == 1 && len(vs.Names) == 1, lhs: lhs})
				}
			}
		}
	}
	for _, c := range out {
		if c.kv != nil {
			continue // fieldCreations did it
		}
		c.xc = astutil.ChainOf(r.Info, c.x)
		var values []ast.Expr
		if c.assign != nil {
			values = c.assign.Rhs
		} else {
			for _, sp := range s.(*ast.DeclStmt).Decl.(*ast.GenDecl).Specs {
				values = append(values, sp.(*ast.ValueSpec).Values...)
			}
		}
		for _, v := range values {
			if v != c.rhs {
				c.others = append(c.others, v)
			}
		}
	}
	return out
}

// fieldCreations returns the empty maps that s, v := T{f: map[K]V{}} or
// v = &T{f: make(map[K]V)}, puts in fields of the struct it assigns to a
// variable: creations of v.f, filled by the statements that follow as any
// other.
func (r *run) fieldCreations(owner ast.Node, s *ast.AssignStmt, lhs []astutil.Chain) []*creation {
	v, ok := ast.Unparen(s.Lhs[0]).(*ast.Ident)
	if !ok || astutil.ChainOf(r.Info, v) == nil {
		return nil
	}
	lit, ok := ast.Unparen(s.Rhs[0]).(*ast.CompositeLit)
	if u, isAddr := ast.Unparen(s.Rhs[0]).(*ast.UnaryExpr); isAddr && u.Op == token.AND {
		lit, ok = ast.Unparen(u.X).(*ast.CompositeLit)
	}
	if !ok {
		return nil
	}
	if _, isStruct := astutil.CoreType(r.Info.TypeOf(lit)).(*types.Struct); !isStruct {
		return nil
	}
	var out []*creation
	for _, e := range lit.Elts {
		kv, ok := e.(*ast.KeyValueExpr)
		if !ok || !r.emptyMap(kv.Value) {
			continue
		}
		key, ok := kv.Key.(*ast.Ident)
		if !ok {
			continue
		}
		field, ok := r.Info.Uses[key].(*types.Var)
		if !ok || !field.IsField() {
			continue
		}
		c := &creation{owner: owner, stmt: s, x: &ast.SelectorExpr{X: v, Sel: key}, rhs: kv.Value, assign: s, single: true, lhs: lhs, kv: kv}
		c.xc = append(astutil.Chain{astutil.ChainOf(r.Info, v)[0]}, field)
		for _, o := range lit.Elts {
			if o != e {
				if okv, isKV := o.(*ast.KeyValueExpr); isKV {
					o = okv.Value
				}
				c.others = append(c.others, o)
			}
		}
		out = append(out, c)
	}
	return out
}

// emptyMap reports whether e is make(map[K]V), make(map[K]V, 0) with a
// literal 0, or map[K]V{}.
func (r *run) emptyMap(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.CallExpr:
		if astutil.Builtin(r.Info, e) != "make" || e.Ellipsis != token.NoPos || len(e.Args) == 0 {
			return false
		}
		if _, ok := astutil.CoreType(r.Info.TypeOf(e.Args[0])).(*types.Map); !ok {
			return false
		}
		return len(e.Args) == 1 || len(e.Args) == 2 && isZeroLit(e.Args[1])
	case *ast.CompositeLit:
		if e.Type == nil || len(e.Elts) != 0 || e.Incomplete {
			return false
		}
		_, ok := astutil.CoreType(r.Info.TypeOf(e)).(*types.Map)
		return ok
	}
	return false
}

func isZeroLit(e ast.Expr) bool {
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.INT {
		return false
	}
	v := constant.MakeFromLiteral(lit.Value, lit.Kind, 0)
	return v.Kind() == constant.Int && constant.Sign(v) == 0
}

// A fill is one statement that inserts into X a number of entries known
// before X is made.
type fill struct {
	src      ast.Expr // what the hint measures: S of len(S), or n
	isLen    bool
	constant bool          // the hint is a compile-time constant
	hoist    *ast.CallExpr // a call to declare before the make; src is nil
	rng      *ast.RangeStmt
	// fixed counts inserts of single entries (X[k] = v, maybe under an
	// if): an upper bound known at compile time; src is nil. sure counts
	// those not under an if, which the map is certain to hold.
	fixed, sure int64
}

func (r *run) check(c *creation, list []ast.Stmt, i int) {
	if c.xc == nil {
		return
	}
	scope := r.Pkg.Scope().Innermost(c.stmt.Pos())
	if scope == nil {
		return
	}
	pos := c.stmt.Pos()
	var fills []*fill
	for j := i + 1; j < len(list); j++ {
		f := r.fillOf(list[j], c.xc)
		if f == nil {
			if astutil.Mentions(r.Info, list[j], []astutil.Chain{c.xc}) {
				break
			}
			continue // unrelated
		}
		between := list[i+1 : j]
		if f.hoist != nil {
			// A lazy make's call would be declared inside the if, out
			// of the loop's sight.
			if c.lazy || !r.hoistOK(c, f, j == i+1 && len(fills) == 0) {
				break
			}
		} else if f.fixed == 0 && !r.sourceOK(c, f, between, len(fills), scope, pos) {
			break
		}
		fills = append(fills, f)
	}
	fills = r.mergeFixed(fills)
	if len(fills) == 0 {
		return
	}

	var hoist *fill
	if fills[0].hoist != nil {
		hoist = fills[0]
	}
	_, isLit := c.rhs.(*ast.CompositeLit)
	needConv := func(f *fill) bool {
		if f.isLen || f.hoist != nil || f.fixed > 0 || len(fills) == 1 {
			return false
		}
		t, ok := types.Unalias(r.Info.TypeOf(f.src)).(*types.Basic)
		return !ok || (t.Kind() != types.Int && t.Info()&types.IsUntyped == 0)
	}
	for _, f := range fills {
		if (f.isLen || f.hoist != nil) && !astutil.IsUniverse(scope, pos, "len") ||
			needConv(f) && !astutil.IsUniverse(scope, pos, "int") {
			return
		}
	}
	if isLit && !astutil.IsUniverse(scope, pos, "make") {
		return
	}
	// A map has room for 8 entries from its first insert on: a known hint
	// up to 8 would change nothing.
	small := true
	var total int64
	for _, f := range fills {
		tv := r.Info.Types[f.src]
		// Inserts under an if count for nothing here: a map that only
		// conditional inserts fill (a label set built from optional
		// fields) may stay small, and a hint of every optional entry
		// would waste more than it saves.
		v, exact := f.sure, f.fixed > 0
		if !f.isLen && f.hoist == nil && tv.Value != nil {
			v, exact = constant.Int64Val(constant.ToInt(tv.Value))
		}
		total += v
		small = small && exact && total <= 8
	}
	if small {
		return
	}
	name := ""
	if hoist != nil {
		name = r.hoistName(c, hoist, scope, pos)
		if name == "" {
			return
		}
		r.reserved[name] = true
	}

	var texts []string
	for _, f := range fills {
		var s string
		switch {
		case f.hoist != nil:
			s = "len(" + types.ExprString(f.hoist) + ")"
		case f.fixed > 0:
			s = strconv.FormatInt(f.fixed, 10)
		case f.isLen:
			s = "len(" + types.ExprString(f.src) + ")"
		default:
			s = types.ExprString(f.src)
			if needConv(f) {
				s = "int(" + s + ")"
			}
		}
		texts = append(texts, s)
	}
	advice := "give make a size hint"
	if isLit {
		advice = "make it with a size hint"
	}
	if hoist != nil {
		advice = "declare the call's result first and " + advice
	}
	convs := make([]bool, len(fills))
	for k, f := range fills {
		convs[k] = needConv(f)
	}
	r.out = append(r.out, rules.Finding{
		Rule:    "capacity",
		Pos:     c.rhs.Pos(),
		End:     c.rhs.End(),
		Message: fmt.Sprintf("map %s is filled with %s entries right after it is made; %s", types.ExprString(c.x), strings.Join(texts, " + "), advice),
		Fix:     capacityFix(c, fills, convs, name),
	})
}

// fillOf returns s as a fill of the map at xc, or nil. What it checks
// depends on s alone: whether its source can be measured where the map is
// made is for sourceOK.
func (r *run) fillOf(s ast.Stmt, xc astutil.Chain) *fill {
	label := ""
	if ls, ok := s.(*ast.LabeledStmt); ok {
		label, s = ls.Label.Name, ls.Stmt
	}
	switch s := s.(type) {
	case *ast.RangeStmt:
		if !r.insertsOnce(s.Body, xc, label) || r.clobbers(s, xc) {
			return nil
		}
		f := &fill{rng: s}
		switch t := astutil.CoreType(r.Info.TypeOf(s.X)).(type) {
		case *types.Basic:
			if t.Info()&types.IsInteger == 0 || exits(s.Body, label) {
				return nil
			}
			f.src = s.X
			if tv := r.Info.Types[s.X]; tv.Value != nil {
				if constant.Sign(tv.Value) <= 0 {
					return nil
				}
				f.constant = true
			}
			return f
		case *types.Pointer:
			if _, ok := astutil.CoreType(t.Elem()).(*types.Array); !ok {
				return nil
			}
			f.constant = true
		case *types.Array:
			f.constant = true
		case *types.Slice:
		case *types.Map:
			// Inserting into the map being ranged over makes the number
			// of iterations unknown.
			if astutil.WritesTo(r.Info, s.Body, astutil.RefChains(r.Info, s.X)) {
				return nil
			}
		default:
			return nil // strings, channels, functions
		}
		f.isLen = true
		if call, ok := s.X.(*ast.CallExpr); ok && !astutil.Pure(r.Info, s.X, false) {
			if astutil.IsConversion(r.Info, call) || astutil.Builtin(r.Info, call) != "" {
				return nil
			}
			f.hoist = call
			return f
		}
		f.src = s.X
		return f

	case *ast.ForStmt:
		iv, n := r.countedLoop(s)
		if iv == nil || !r.insertsOnce(s.Body, xc, label) || r.clobbers(s, xc) || exits(s.Body, label) {
			return nil
		}
		f := &fill{src: n}
		if tv := r.Info.Types[n]; tv.Value != nil {
			if constant.Sign(tv.Value) <= 0 {
				return nil
			}
			f.constant = true
			return f
		}
		// n is read again before every iteration.
		nc := astutil.RefChains(r.Info, n)
		if astutil.OverlapsAny(astutil.Chain{iv}, nc) || astutil.WritesTo(r.Info, s.Body, nc) || astutil.WritesTo(r.Info, s.Post, nc) {
			return nil
		}
		if (astutil.MayChangeOthers(r.Info, s.Body) || astutil.MayChangeOthers(r.Info, s.Post)) && !r.stable(n, false) {
			return nil
		}
		return f

	case *ast.AssignStmt:
		// X[k] = v: one entry, or one per index expression on the left.
		n := r.insertCount(s, xc)
		if n == 0 || n != len(s.Lhs) || r.accumulates(s, xc) {
			return nil
		}
		return &fill{fixed: int64(n), sure: int64(n)}

	case *ast.IfStmt:
		if f := r.guardedRange(s, xc, label); f != nil {
			return f
		}
		// if cond { …; X[k] = v; … } inserts one entry at most.
		if s.Else != nil || label != "" || hasGoto(s) || r.clobbers(s, xc) {
			return nil
		}
		if r.totalInserts(s, xc) != 1 {
			return nil
		}
		for _, b := range s.Body.List {
			if r.insertCount(b, xc) == 1 {
				if r.accumulates(b, xc) {
					return nil
				}
				return &fill{fixed: 1}
			}
		}
		return nil // deeper, maybe in a loop

	case *ast.ExprStmt:
		if !r.isMapsCopy(s) {
			return nil
		}
		call := s.X.(*ast.CallExpr)
		if !astutil.ChainOf(r.Info, call.Args[0]).Equal(xc) {
			return nil
		}
		if _, ok := astutil.CoreType(r.Info.TypeOf(call.Args[1])).(*types.Map); !ok {
			return nil
		}
		return &fill{src: call.Args[1], isLen: true}
	}
	return nil
}

// guardedRange returns the fill of if len(S) > 0 { for … range S { … } }
// (or len(S) != 0, 0 < len(S)): the guard changes nothing, since the
// loop inserts nothing when S is empty.
func (r *run) guardedRange(s *ast.IfStmt, xc astutil.Chain, label string) *fill {
	if s.Init != nil || s.Else != nil || label != "" || len(s.Body.List) != 1 {
		return nil
	}
	rs, ok := s.Body.List[0].(*ast.RangeStmt)
	if !ok {
		return nil
	}
	cond, ok := ast.Unparen(s.Cond).(*ast.BinaryExpr)
	if !ok {
		return nil
	}
	l, zero := cond.X, cond.Y
	switch cond.Op {
	case token.GTR, token.NEQ:
	case token.LSS:
		l, zero = zero, l
	default:
		return nil
	}
	call, ok := ast.Unparen(l).(*ast.CallExpr)
	if !ok || astutil.Builtin(r.Info, call) != "len" || len(call.Args) != 1 || !isZeroLit(ast.Unparen(zero)) {
		return nil
	}
	f := r.fillOf(rs, xc)
	if f == nil || !f.isLen || f.src == nil || types.ExprString(call.Args[0]) != types.ExprString(f.src) {
		return nil
	}
	return f
}

// dedupInsert returns the insert in s, a statement of a loop body, when s
// is
//
//	if _, ok := X[k]; !ok { …; X[k] = v; … }
//	if !X[k] { …; X[k] = true; … }  // X a map of bools
//
// with no else, and the insert is a statement of its body that nothing
// before it skips, with the same key, unchanged: the insert runs unless k
// is already a key, which leaves the map as large as inserting always
// would. Each key counts once either way.
func (r *run) dedupInsert(s ast.Stmt, xc astutil.Chain, label string) ast.Stmt {
	is, ok := s.(*ast.IfStmt)
	if !ok || is.Else != nil {
		return nil
	}
	not, ok := ast.Unparen(is.Cond).(*ast.UnaryExpr)
	if !ok || not.Op != token.NOT {
		return nil
	}
	var lookup *ast.IndexExpr
	wantTrue := false
	if is.Init != nil {
		as, ok := is.Init.(*ast.AssignStmt)
		if !ok || as.Tok != token.DEFINE || len(as.Lhs) != 2 || len(as.Rhs) != 1 {
			return nil
		}
		okVar, _ := r.Info.Defs[identOf(as.Lhs[1])].(*types.Var)
		if okVar == nil || r.Info.Uses[identOf(not.X)] != okVar {
			return nil
		}
		lookup, _ = ast.Unparen(as.Rhs[0]).(*ast.IndexExpr)
	} else {
		lookup, _ = ast.Unparen(not.X).(*ast.IndexExpr)
		wantTrue = true
	}
	if lookup == nil || !astutil.ChainOf(r.Info, lookup.X).Equal(xc) || !astutil.Pure(r.Info, lookup.Index, false) {
		return nil
	}
	kc := astutil.RefChains(r.Info, lookup.Index)
	for j, b := range is.Body.List {
		if r.insertCount(b, xc) != 1 {
			continue
		}
		as, ok := b.(*ast.AssignStmt)
		if !ok || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
			return nil
		}
		ix := ast.Unparen(as.Lhs[0]).(*ast.IndexExpr)
		if types.ExprString(ix.Index) != types.ExprString(lookup.Index) {
			return nil
		}
		if tv := r.Info.Types[as.Rhs[0]]; wantTrue && (tv.Value == nil || !constant.BoolVal(tv.Value)) {
			return nil
		}
		before := is.Body.List[:j]
		if skips(before, label) {
			return nil
		}
		for _, bs := range before {
			if astutil.WritesTo(r.Info, bs, kc) {
				return nil
			}
		}
		return b
	}
	return nil
}

// mergeFixed puts the single inserts of fills together, last: the hint
// reads len(S) + 2 for a range and two inserts, in whatever order they
// came. A literal count (for i := range 1000) takes them in: 1001.
func (r *run) mergeFixed(fills []*fill) []*fill {
	var out []*fill
	var fixed, sure int64
	for _, f := range fills {
		if f.fixed > 0 {
			fixed += f.fixed
			sure += f.sure
			continue
		}
		out = append(out, f)
	}
	if fixed == 0 {
		return out
	}
	for _, f := range out {
		if _, lit := f.src.(*ast.BasicLit); lit && !f.isLen {
			if v, exact := constant.Int64Val(constant.ToInt(r.Info.Types[f.src].Value)); exact {
				*f = fill{fixed: v + fixed, sure: v + sure}
				return out
			}
		}
	}
	return append(out, &fill{fixed: fixed, sure: sure})
}

// isMapsCopy reports whether s is a call of maps.Copy with plain arguments
// (arguments with side effects are then not pure, and rejected later).
func (r *run) isMapsCopy(s ast.Stmt) bool {
	es, ok := s.(*ast.ExprStmt)
	if !ok {
		return false
	}
	call, ok := es.X.(*ast.CallExpr)
	if !ok || len(call.Args) != 2 || call.Ellipsis != token.NoPos {
		return false
	}
	var fn *types.Func
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.SelectorExpr:
		fn, _ = r.Info.Uses[f.Sel].(*types.Func)
	case *ast.IndexListExpr: // maps.Copy[M1, M2]
		if sel, ok := f.X.(*ast.SelectorExpr); ok {
			fn, _ = r.Info.Uses[sel.Sel].(*types.Func)
		}
	}
	return fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "maps" && fn.Name() == "Copy" &&
		astutil.Pure(r.Info, call.Args[0], false) && astutil.Pure(r.Info, call.Args[1], false)
}

// countedLoop matches for i := 0; i < n; i++ { ... } in which nothing
// else changes i, and returns i and n.
func (r *run) countedLoop(s *ast.ForStmt) (*types.Var, ast.Expr) {
	init, ok := s.Init.(*ast.AssignStmt)
	if !ok || init.Tok != token.DEFINE || len(init.Lhs) != 1 || len(init.Rhs) != 1 {
		return nil, nil
	}
	id, ok := init.Lhs[0].(*ast.Ident)
	if !ok {
		return nil, nil
	}
	iv, ok := r.Info.Defs[id].(*types.Var)
	if !ok {
		return nil, nil
	}
	if tv := r.Info.Types[init.Rhs[0]]; tv.Value == nil || tv.Value.Kind() != constant.Int || constant.Sign(tv.Value) != 0 {
		return nil, nil
	}
	if b, ok := iv.Type().Underlying().(*types.Basic); !ok || b.Info()&types.IsInteger == 0 {
		return nil, nil
	}
	cond, ok := s.Cond.(*ast.BinaryExpr)
	if !ok || cond.Op != token.LSS || r.Info.Uses[identOf(cond.X)] != iv {
		return nil, nil
	}
	switch post := s.Post.(type) {
	case *ast.IncDecStmt:
		if post.Tok != token.INC || r.Info.Uses[identOf(post.X)] != iv {
			return nil, nil
		}
	case *ast.AssignStmt:
		if post.Tok != token.ADD_ASSIGN || len(post.Lhs) != 1 || r.Info.Uses[identOf(post.Lhs[0])] != iv {
			return nil, nil
		}
		if tv := r.Info.Types[post.Rhs[0]]; tv.Value == nil || tv.Value.ExactString() != "1" {
			return nil, nil
		}
	default:
		return nil, nil
	}
	if astutil.WritesTo(r.Info, s.Body, []astutil.Chain{{iv}}) {
		return nil, nil
	}
	n := cond.Y
	if !astutil.Pure(r.Info, n, true) {
		return nil, nil
	}
	if b, ok := astutil.CoreType(r.Info.TypeOf(n)).(*types.Basic); !ok || b.Info()&types.IsInteger == 0 {
		return nil, nil
	}
	return iv, n
}

func identOf(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	return id
}

// insertCount returns how many of the locations n assigns are entries of
// the map at xc.
func (r *run) insertCount(n ast.Node, xc astutil.Chain) int {
	isInsert := func(e ast.Expr) bool {
		ix, ok := ast.Unparen(e).(*ast.IndexExpr)
		return ok && astutil.ChainOf(r.Info, ix.X).Equal(xc)
	}
	count := 0
	switch n := n.(type) {
	case *ast.AssignStmt:
		for _, l := range n.Lhs {
			if isInsert(l) {
				count++
			}
		}
	case *ast.IncDecStmt:
		if isInsert(n.X) {
			count++
		}
	}
	return count
}

// totalInserts counts the entries of the map at xc that n assigns,
// anywhere in it (in closures and inner loops too, each once).
func (r *run) totalInserts(n ast.Node, xc astutil.Chain) int {
	total := 0
	ast.Inspect(n, func(n ast.Node) bool {
		total += r.insertCount(n, xc)
		return true
	})
	return total
}

// insertsOnce reports whether every iteration of a loop with this body
// that goes on to the next one inserts into the map at xc exactly once.
func (r *run) insertsOnce(body *ast.BlockStmt, xc astutil.Chain, label string) bool {
	if r.totalInserts(body, xc) != 1 {
		return false
	}
	for j, s := range body.List {
		ins := s
		if r.insertCount(s, xc) != 1 {
			if ins = r.dedupInsert(s, xc, label); ins == nil {
				continue
			}
			// A group-by makes the entry once, then adds to it
			// (if _, ok := m[k]; !ok { m[k] = New() }; m[k].Add(v)):
			// keys repeat by design.
			for _, o := range body.List {
				if o != s && astutil.Mentions(r.Info, o, []astutil.Chain{xc}) {
					return false
				}
			}
		}
		return !r.accumulates(ins, xc) && !skips(body.List[:j], label) && !hasGoto(body) && !r.updatesOnly(body.List[:j], ins, xc)
	}
	return false // under an if (other than a dedup), switch, select, inner loop or closure
}

// updatesOnly reports whether the statements before the insert ins look
// its key up in the map (v, ok := m[k], also in an if's init) and leave
// the iteration when it is missing (if !ok { return }): the insert then
// only updates entries that are there already, and adds none (restic's
// Node.sameExtendedAttributes marks the attributes of one node that the
// other has too).
func (r *run) updatesOnly(before []ast.Stmt, ins ast.Stmt, xc astutil.Chain) bool {
	as, ok := ins.(*ast.AssignStmt)
	if !ok {
		return false
	}
	var key ast.Expr
	for _, l := range as.Lhs {
		if ix, ok := ast.Unparen(l).(*ast.IndexExpr); ok && astutil.ChainOf(r.Info, ix.X).Equal(xc) {
			key = ix.Index
		}
	}
	if key == nil || !astutil.Pure(r.Info, key, false) {
		return false
	}
	// okVar returns the ok of v, ok := m[key], or nil.
	okVar := func(s ast.Stmt) types.Object {
		look, isAssign := s.(*ast.AssignStmt)
		if !isAssign || len(look.Lhs) != 2 || len(look.Rhs) != 1 {
			return nil
		}
		ix, isIndex := ast.Unparen(look.Rhs[0]).(*ast.IndexExpr)
		if !isIndex || !astutil.ChainOf(r.Info, ix.X).Equal(xc) || types.ExprString(ix.Index) != types.ExprString(key) {
			return nil
		}
		id, isIdent := look.Lhs[1].(*ast.Ident)
		if !isIdent {
			return nil
		}
		return r.Info.ObjectOf(id)
	}
	// leaves reports if !ok { …; return/continue/break/panic(…) }.
	leaves := func(ifs *ast.IfStmt, okv types.Object) bool {
		not, isNot := ast.Unparen(ifs.Cond).(*ast.UnaryExpr)
		if okv == nil || !isNot || not.Op != token.NOT || ifs.Else != nil || len(ifs.Body.List) == 0 {
			return false
		}
		if id, isIdent := ast.Unparen(not.X).(*ast.Ident); !isIdent || r.Info.Uses[id] != okv {
			return false
		}
		switch last := ifs.Body.List[len(ifs.Body.List)-1].(type) {
		case *ast.ReturnStmt:
			return true
		case *ast.BranchStmt:
			return last.Tok == token.CONTINUE || last.Tok == token.BREAK
		case *ast.ExprStmt:
			if c, isCall := last.X.(*ast.CallExpr); isCall {
				id, isIdent := c.Fun.(*ast.Ident)
				return isIdent && id.Name == "panic"
			}
		}
		return false
	}
	var okv types.Object
	for _, s := range before {
		if v := okVar(s); v != nil {
			okv = v
			continue
		}
		if ifs, isIf := s.(*ast.IfStmt); isIf {
			if ifs.Init != nil {
				if leaves(ifs, okVar(ifs.Init)) {
					return true
				}
			} else if leaves(ifs, okv) {
				return true
			}
		}
	}
	return false
}

// accumulates reports whether the insert s updates an entry from its old
// value (m[k] += v, m[k]++, m[k] = append(m[k], v)): a map that counts or
// groups, whose keys repeat by design, so that the loop's length says
// little about its size.
func (r *run) accumulates(s ast.Stmt, xc astutil.Chain) bool {
	as, ok := s.(*ast.AssignStmt)
	if !ok || as.Tok != token.ASSIGN {
		return true
	}
	found := false
	for _, e := range as.Rhs {
		ast.Inspect(e, func(n ast.Node) bool {
			if ix, ok := n.(*ast.IndexExpr); ok && astutil.ChainOf(r.Info, ix.X).Equal(xc) {
				found = true
			}
			return !found
		})
	}
	return found
}

// clobbers reports whether loop s may assign X itself, or a variable or
// field that X is reached through, so that later inserts go elsewhere.
func (r *run) clobbers(s ast.Stmt, xc astutil.Chain) bool {
	found := false
	check := func(e ast.Expr) {
		for {
			st, ok := ast.Unparen(e).(*ast.StarExpr)
			if !ok {
				break
			}
			e = st.X
		}
		if c := astutil.ChainOf(r.Info, e); c != nil && len(c) <= len(xc) && c.Overlaps(xc) {
			found = true
		}
	}
	astutil.WriteSites(r.Info, s, check)
	return found
}

// sourceOK reports whether the hint of f, which is the k-th fill of c and
// comes after the statements between, can be computed where c is made and
// still has the value the fill will see.
func (r *run) sourceOK(c *creation, f *fill, between []ast.Stmt, k int, scope *types.Scope, pos token.Pos) bool {
	if !astutil.Pure(r.Info, f.src, !f.isLen) || !astutil.VisibleAt(r.Info, f.src, scope, pos) {
		return false
	}
	sc := astutil.RefChains(r.Info, f.src)
	if astutil.OverlapsAny(c.xc, sc) {
		return false
	}
	for _, l := range c.lhs {
		if astutil.OverlapsAny(l, sc) {
			return false
		}
	}
	if f.constant {
		return true
	}
	// The hint is measured in the middle of c's statement, before the
	// values that follow the map are computed.
	changes := false
	for _, v := range c.others {
		changes = changes || astutil.MayChangeOthers(r.Info, v)
	}
	early := changes
	for _, s := range between {
		if astutil.Mentions(r.Info, s, sc) {
			return false
		}
		// An earlier maps.Copy into the new map writes nothing else.
		if !r.isMapsCopy(s) {
			changes = changes || astutil.MayChangeOthers(r.Info, s)
		}
	}
	if changes && !r.stable(f.src, f.isLen) {
		return false
	}
	// Measuring early must not panic where the code used to do something
	// else first.
	return !astutil.MayPanic(r.Info, f.src) || k == 0 && len(between) == 0 && !early ||
		!early && len(between) > 0 && r.faultsFirst(f.src, between[0])
}

// faultsFirst reports whether s, the first statement after the make, is an
// if whose condition, before anything else, goes through the same
// pointers as measuring e does, and can fail in no other way: where
// measuring e panics, the old code panicked there, with the same error,
// having done nothing else. This is a method's receiver checked first
// (if len(s.a) > 0 { … } then range s.b).
func (r *run) faultsFirst(e ast.Expr, s ast.Stmt) bool {
	is, ok := s.(*ast.IfStmt)
	if !ok || is.Init != nil || astutil.MayChangeOthers(r.Info, is.Cond) {
		return false
	}
	want, ok := r.derefBases(e)
	if !ok || len(want) == 0 {
		return false
	}
	have, ok := r.derefBases(is.Cond)
	if !ok || len(have) != len(want) {
		return false
	}
	for _, w := range want {
		if !slices.ContainsFunc(have, w.Equal) {
			return false
		}
	}
	return true
}

// derefBases returns the pointers that evaluating e goes through, as the
// chains of x in x.f, and whether that is the only way e can panic (no
// *p, no index of a slice, array or string, no call but len).
func (r *run) derefBases(e ast.Expr) ([]astutil.Chain, bool) {
	var out []astutil.Chain
	ok := true
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.StarExpr:
			ok = false
		case *ast.IndexExpr:
			if _, isMap := astutil.CoreType(r.Info.TypeOf(n.X)).(*types.Map); !isMap {
				ok = false
			}
		case *ast.CallExpr:
			if astutil.Builtin(r.Info, n) != "len" {
				ok = false
			}
		case *ast.SelectorExpr:
			if sel, isSel := r.Info.Selections[n]; isSel && sel.Indirect() {
				c := astutil.ChainOf(r.Info, n.X)
				if c == nil || len(sel.Index()) != 1 {
					ok = false // through a pointer field of an embedded struct, or not a chain
				} else if !slices.ContainsFunc(out, c.Equal) {
					out = append(out, c)
				}
			}
		}
		return ok
	})
	return out, ok
}

// stable reports whether what the hint measures of e (its length, or its
// value) can only change through a statement that names it: e is made of
// local variables whose address is never taken and that no closure
// assigns, and reaches no shared memory. A map's length is never stable:
// any alias can insert.
func (r *run) stable(e ast.Expr, isLen bool) bool {
	if tv := r.Info.Types[e]; tv.Value != nil {
		return true
	}
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok && !isLen {
		e, isLen = call.Args[0], true // len(x)
	}
	if isLen {
		if _, ok := astutil.CoreType(r.Info.TypeOf(e)).(*types.Map); ok {
			return false
		}
	}
	shared := false
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.IndexExpr, *ast.StarExpr:
			shared = true
		case *ast.SelectorExpr:
			if sel, ok := r.Info.Selections[n]; ok && sel.Indirect() {
				shared = true
			}
		}
		return !shared
	})
	if shared {
		return false
	}
	for _, c := range astutil.RefChains(r.Info, e) {
		v, ok := c[0].(*types.Var)
		if !ok || v.Parent() == nil || v.Parent() == r.Pkg.Scope() || r.escapes(v) {
			return false
		}
	}
	return true
}

// escapes reports whether local v may be changed by code that does not
// name it: its address is taken, or a closure assigns it.
func (r *run) escapes(v *types.Var) bool {
	if r.escaped == nil {
		r.escaped = map[*types.Var]bool{}
		mark := func(e ast.Expr) {
			if c := astutil.WrittenChain(r.Info, e); c != nil {
				if v, ok := c[0].(*types.Var); ok {
					r.escaped[v] = true
				}
			}
		}
		ast.Inspect(r.fn, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.UnaryExpr:
				if n.Op == token.AND {
					mark(n.X)
				}
			case *ast.SelectorExpr:
				if astutil.PtrMethodOnValue(r.Info, n) {
					mark(n.X)
				}
			case *ast.FuncLit:
				astutil.WriteSites(r.Info, n.Body, mark)
			}
			return true
		})
	}
	return r.escaped[v]
}

// hoistOK reports whether the call that f ranges over can be declared
// right before c's statement: adjacent says nothing but c's statement
// comes between them, and no earlier fill does.
func (r *run) hoistOK(c *creation, f *fill, adjacent bool) bool {
	if !adjacent || !c.single || r.hasGoto {
		return false // the call would run before something it used to follow
	}
	if astutil.MayPanic(r.Info, c.x) && !r.effectFree(f.hoist) {
		// us.Values = make(…) panics when us is nil: a call with effects
		// would then have them before the panic instead of not at all.
		return false
	}
	sc := astutil.RefChains(r.Info, f.hoist)
	if astutil.OverlapsAny(c.xc, sc) {
		return false
	}
	for _, l := range c.lhs {
		if astutil.OverlapsAny(l, sc) {
			return false
		}
	}
	return true
}

// effectFree reports whether call is a function of strings or bytes (which
// change nothing but the result they return) applied to arguments without
// side effects: running it earlier than it used to run is not observable.
func (r *run) effectFree(call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	fn, ok := r.Info.Uses[sel.Sel].(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Signature().Recv() != nil {
		return false
	}
	if p := fn.Pkg().Path(); p != "strings" && p != "bytes" {
		return false
	}
	for _, a := range call.Args {
		if !astutil.Pure(r.Info, a, true) {
			return false
		}
	}
	return true
}

// hoistName returns a new name for the result of the call f ranges over,
// or "" if none fits.
func (r *run) hoistName(c *creation, f *fill, scope *types.Scope, pos token.Pos) string {
	base := nameFor(f.hoist)
	if base == "" {
		base = "items"
		if _, ok := astutil.CoreType(r.Info.TypeOf(f.hoist)).(*types.Map); ok {
			base = "entries"
		}
	}
	var inner []*types.Scope
	for _, n := range []ast.Node{f.rng, f.rng.Body} {
		if s := r.Info.Scopes[n]; s != nil {
			inner = append(inner, s)
		}
	}
	taken := func(name string) bool {
		if r.reserved[name] || scope.Lookup(name) != nil {
			return true
		}
		if _, obj := scope.LookupParent(name, pos); obj != nil {
			return true
		}
		for _, s := range inner {
			if s.Lookup(name) != nil {
				return true
			}
		}
		return false
	}
	for i := 1; i < 100; i++ {
		name := base
		if i > 1 {
			name += strconv.Itoa(i)
		}
		if !taken(name) {
			return name
		}
	}
	return ""
}

// nameFor derives a variable name from the function a call calls:
// strings.Split gives parts, c.Names gives names, loadUsers gives users.
func nameFor(call *ast.CallExpr) string {
	var fname string
	fun := ast.Unparen(call.Fun)
	if ix, ok := fun.(*ast.IndexExpr); ok {
		fun = ix.X
	} else if ix, ok := fun.(*ast.IndexListExpr); ok {
		fun = ix.X
	}
	switch fn := fun.(type) {
	case *ast.Ident:
		fname = fn.Name
	case *ast.SelectorExpr:
		fname = fn.Sel.Name
	}
	switch fname {
	case "Split", "SplitN", "SplitAfter", "SplitAfterN", "Fields", "FieldsFunc":
		return "parts"
	}
	for _, verb := range []string{"get", "list", "load", "read", "fetch", "find", "collect", "all"} {
		if len(fname) > len(verb) && strings.EqualFold(fname[:len(verb)], verb) {
			if r, _ := utf8.DecodeRuneInString(fname[len(verb):]); unicode.IsUpper(r) {
				fname = fname[len(verb):]
				break
			}
		}
	}
	// Lower the leading capitals: Names → names, URLs → urls, HTTPServers →
	// httpServers, IDsByName → idsByName.
	upper := 0
	for upper < len(fname) && 'A' <= fname[upper] && fname[upper] <= 'Z' {
		upper++
	}
	if rest := fname[upper:]; upper > 1 && rest != "" && !(rest[0] == 's' && (len(rest) == 1 || 'A' <= rest[1] && rest[1] <= 'Z')) {
		upper-- // the last capital starts the next word
	}
	name := strings.ToLower(fname[:upper]) + fname[upper:]
	if len(name) < 2 || !token.IsIdentifier(name) || token.IsKeyword(name) || types.Universe.Lookup(name) != nil {
		return ""
	}
	return name
}

// skips reports whether stmts, the statements of a loop body before its
// insert, hold a branch that skips the insert: a goto, or a break or
// continue that targets the loop (labelled label, which may be "").
func skips(stmts []ast.Stmt, label string) bool {
	found := false
	for _, s := range stmts {
		branches(s, func(b *ast.BranchStmt, innerBreak, innerContinue bool) {
			switch b.Tok {
			case token.GOTO:
				found = true
			case token.BREAK:
				found = found || (b.Label != nil && b.Label.Name == label) || (b.Label == nil && !innerBreak)
			case token.CONTINUE:
				found = found || (b.Label != nil && b.Label.Name == label) || (b.Label == nil && !innerContinue)
			}
		})
	}
	return found
}

// exits reports whether a loop with this body (labelled label) may stop
// before it has run all its iterations: it returns, panics, jumps with goto,
// or breaks out of the loop or out of an outer one.
func exits(body *ast.BlockStmt, label string) bool {
	inner := map[string]bool{}
	ast.Inspect(body, func(n ast.Node) bool {
		if ls, ok := n.(*ast.LabeledStmt); ok {
			inner[ls.Label.Name] = true
		}
		_, lit := n.(*ast.FuncLit)
		return !lit
	})
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			found = true
		case *ast.CallExpr:
			if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok && id.Name == "panic" {
				found = true // conservatively, even if panic is not the builtin
			}
		}
		return !found
	})
	branches(body, func(b *ast.BranchStmt, innerBreak, innerContinue bool) {
		switch b.Tok {
		case token.GOTO:
			found = true
		case token.BREAK:
			found = found || (b.Label != nil && !inner[b.Label.Name]) || (b.Label == nil && !innerBreak)
		case token.CONTINUE:
			found = found || (b.Label != nil && !inner[b.Label.Name] && b.Label.Name != label)
		}
	})
	return found
}

func hasGoto(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if b, ok := n.(*ast.BranchStmt); ok && b.Tok == token.GOTO {
			found = true
		}
		return !found
	})
	return found
}

// branches calls f for each branch statement in n outside function
// literals, saying whether an unlabelled break, or continue, there would
// target a statement inside n.
func branches(n ast.Node, f func(b *ast.BranchStmt, innerBreak, innerContinue bool)) {
	var visit func(inBreak, inContinue bool) func(ast.Node) bool
	visit = func(inBreak, inContinue bool) func(ast.Node) bool {
		return func(m ast.Node) bool {
			switch m := m.(type) {
			case *ast.FuncLit:
				return false
			case *ast.BranchStmt:
				f(m, inBreak, inContinue)
			case *ast.ForStmt:
				ast.Inspect(m.Body, visit(true, true))
				return false
			case *ast.RangeStmt:
				ast.Inspect(m.Body, visit(true, true))
				return false
			case *ast.SwitchStmt:
				ast.Inspect(m.Body, visit(true, inContinue))
				return false
			case *ast.TypeSwitchStmt:
				ast.Inspect(m.Body, visit(true, inContinue))
				return false
			case *ast.SelectStmt:
				ast.Inspect(m.Body, visit(true, inContinue))
				return false
			}
			return true
		}
	}
	ast.Inspect(n, visit(false, false))
}

// capacityFix builds the fix for c: the hint is the sum of the fills'
// hints (convs says which to convert to int), and name is the variable a
// hoisted call is declared as.
func capacityFix(c *creation, fills []*fill, convs []bool, name string) rules.Fix {
	return func(ctx *rules.FixContext) error {
		errMissing := errors.New("a node of the finding is not in the file")

		// Find every node first, so that a failure edits nothing.
		var hoistList *[]dst.Stmt
		var hoistStmt dst.Stmt
		var hoistRange *dst.RangeStmt
		var hoistCall dst.Expr
		if name != "" {
			f := fills[0]
			hoistList = astutil.StmtList(ctx.Node(c.owner))
			hoistStmt, _ = ctx.Node(c.stmt).(dst.Stmt)
			hoistRange, _ = ctx.Node(f.rng).(*dst.RangeStmt)
			hoistCall, _ = ctx.Node(f.hoist).(dst.Expr)
			if hoistList == nil || hoistStmt == nil || hoistRange == nil || hoistCall == nil || hoistRange.X != hoistCall {
				return errMissing
			}
			if indexOf(*hoistList, hoistStmt) < 0 {
				return errMissing
			}
		}

		var hint dst.Expr
		for k, f := range fills {
			var term dst.Expr
			if f.hoist != nil {
				term = dst.NewIdent(name)
			} else if f.fixed > 0 {
				term = &dst.BasicLit{Kind: token.INT, Value: strconv.FormatInt(f.fixed, 10)}
			} else {
				n := ctx.Node(f.src)
				if n == nil {
					return errMissing
				}
				term = astutil.CleanClone(n).(dst.Expr)
			}
			if f.isLen {
				term = &dst.CallExpr{Fun: dst.NewIdent("len"), Args: []dst.Expr{term}}
			} else if convs[k] {
				term = &dst.CallExpr{Fun: dst.NewIdent("int"), Args: []dst.Expr{term}}
			} else if _, ok := term.(*dst.BinaryExpr); ok && len(fills) > 1 {
				term = &dst.ParenExpr{X: term}
			}
			if hint == nil {
				hint = term
			} else {
				hint = &dst.BinaryExpr{X: hint, Op: token.ADD, Y: term}
			}
		}

		switch rhs := c.rhs.(type) {
		case *ast.CallExpr:
			call, ok := ctx.Node(rhs).(*dst.CallExpr)
			if !ok {
				return errMissing
			}
			if len(call.Args) == 2 {
				// Keep the comments that were around the 0.
				*hint.Decorations() = *call.Args[1].Decorations()
				call.Args[1] = hint
			} else {
				call.Args = append(call.Args, hint)
			}
		case *ast.CompositeLit:
			lit, ok := ctx.Node(rhs).(*dst.CompositeLit)
			if !ok {
				return errMissing
			}
			var slot *dst.Expr
			if c.kv != nil {
				if kv, ok := ctx.Node(c.kv).(*dst.KeyValueExpr); ok && kv.Value == lit {
					slot = &kv.Value
				}
			} else if c.assign != nil {
				if as, ok := ctx.Node(c.assign).(*dst.AssignStmt); ok {
					slot = findExpr(as.Rhs, lit)
				}
			} else if vs, ok := ctx.Node(c.spec).(*dst.ValueSpec); ok {
				slot = findExpr(vs.Values, lit)
			}
			if slot == nil {
				return errMissing
			}
			mk := &dst.CallExpr{Fun: dst.NewIdent("make"), Args: []dst.Expr{lit.Type, hint}}
			mk.Decs.NodeDecs = lit.Decs.NodeDecs
			// Comments between the type and the braces, or inside them.
			mk.Decs.End = append(append(append(dst.Decorations{}, lit.Decs.Type...), lit.Decs.Lbrace...), mk.Decs.End...)
			*slot = mk
		}

		if name != "" {
			hoistCall.Decorations().Before = dst.None
			hoistCall.Decorations().After = dst.None
			decl := &dst.AssignStmt{
				Lhs: []dst.Expr{dst.NewIdent(name)},
				Tok: token.DEFINE,
				Rhs: []dst.Expr{hoistCall},
			}
			hoistRange.X = dst.NewIdent(name)
			// The comments above the make now sit above the new first line.
			md := hoistStmt.Decorations()
			decl.Decs.Before, decl.Decs.Start = md.Before, md.Start
			md.Before, md.Start = dst.NewLine, nil
			i := indexOf(*hoistList, hoistStmt)
			*hoistList = append((*hoistList)[:i], append([]dst.Stmt{decl}, (*hoistList)[i:]...)...)
		}
		return nil
	}
}

func indexOf(list []dst.Stmt, s dst.Stmt) int {
	for i, t := range list {
		if t == s {
			return i
		}
	}
	return -1
}

func findExpr(list []dst.Expr, e dst.Expr) *dst.Expr {
	for i := range list {
		if list[i] == e {
			return &list[i]
		}
	}
	return nil
}
