package nilmap

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"

	"github.com/dave/dst"
	"github.com/mapfix/mapfix/rules"
	"github.com/mapfix/mapfix/rules/internal/astutil"
)

// Rule is the nilmap rule, as the mapfix engine runs it.
var Rule = &rules.Rule{
	Name: "nilmap",
	Doc:  "writes that can hit a nil map: inner maps, variables and struct fields never made",
	Help: "A write into a nil map panics with \"assignment to entry in nil map\". Making a map of maps makes none of the inner maps, " +
		"and a map variable or struct field declared without a value starts nil. The fix makes the map before the write: a nil check " +
		"per level for an inner map, make(T) where a variable is declared, the field in the struct literal, a lazy nil check " +
		"through a pointer receiver, or a nil check before writing into a function's result that may be nil. No fix when the key has side effects, the type cannot be named, or code relies on the map being nil.",
	Run: runNilmap,
}

type run struct {
	*rules.Pass
	ids map[types.Object]string

	fieldInit map[*types.Var]bool // map fields filled outside their making and outside lazy checks
	creations map[*types.Var]site // map fields, and a place that hands out a struct without them
	resets    map[*types.Var]site // map fields, and a place that sets one to nil (x.f = nil)
	// Results of the package's functions that a return other than a
	// failure may leave nil, and the first such return (results.go).
	nilResults map[resultOf]token.Pos
	nilVia     map[resultOf][]resultOf // results that return other functions' results as they are

	nested      []nested
	origins     []*origin
	fieldWrites []*write
	pkgWrites   []*write

	// From the package scan.
	elemPop     map[ident]bool        // an element at this depth is filled somewhere, unguarded
	typePop     map[typeDepth]bool    // an element at this depth of some map of this type is filled (lazily built)
	deepPop     map[types.Object]int  // filled (or handed to other code) at this depth: everything below may be
	pkgAssigned map[types.Object]bool // package variables assigned somewhere
	pkgObserved map[types.Object]token.Pos

	writers map[*types.Func]bool // methods of the package's map types: write into the receiver?

	out []outcome
}

type site struct {
	pos     token.Pos
	fn      string
	typ     types.Type
	partial bool // the value is made without the field on some paths only
	decoded bool // the value is decoded into: pos is the decoder's call
	// For a partial site: what the conditions of the fills mention
	// (fillConds).
	conds map[types.Object]bool
}

type nested struct {
	w     *write
	first int // the outermost level that needs a check
}

type outcome struct {
	f     rules.Finding
	order int
}

func runNilmap(p *rules.Pass) []rules.Finding {
	r := &run{
		Pass:        p,
		ids:         map[types.Object]string{},
		fieldInit:   map[*types.Var]bool{},
		creations:   map[*types.Var]site{},
		elemPop:     map[ident]bool{},
		deepPop:     map[types.Object]int{},
		pkgAssigned: map[types.Object]bool{},
		pkgObserved: map[types.Object]token.Pos{},
		nilVia:      map[resultOf][]resultOf{},
	}
	for _, file := range p.Files {
		for _, d := range file.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Body == nil || !r.interesting(d.Body) && !r.mapResult(d) {
					continue
				}
				r.analyse(file, d.Name.Name, d, d.Type, d.Body)
			case *ast.GenDecl:
				ast.Inspect(d, func(n ast.Node) bool {
					fl, ok := n.(*ast.FuncLit)
					if !ok {
						return true
					}
					if r.interesting(fl.Body) {
						r.analyse(file, "a function literal", fl, fl.Type, fl.Body)
					}
					return false
				})
			}
		}
	}
	interest := map[types.Object]bool{}
	for _, n := range r.nested {
		if id, ok := r.identOf(n.w.levels[0]); ok {
			interest[id.obj] = true
		}
	}
	for _, w := range r.pkgWrites {
		interest[w.bc[0]] = true
	}
	if len(interest) > 0 {
		r.scanPackage(interest)
	}
	if len(r.fieldWrites) > 0 {
		r.findResets()
	}
	r.decide()
	slices.SortStableFunc(r.out, func(a, b outcome) int {
		return cmp.Or(cmp.Compare(a.f.Pos, b.f.Pos), cmp.Compare(a.order, b.order))
	})
	out := make([]rules.Finding, len(r.out))
	for i, o := range r.out {
		out[i] = o.f
	}
	return out
}

// analyse runs the flow analysis of one function. A bug that makes it
// panic costs that function's findings, not the run.
func (r *run) analyse(file *ast.File, name string, root ast.Node, ft *ast.FuncType, body *ast.BlockStmt) {
	f := r.newFunc(file, name, root)
	defer func() {
		if recover() != nil {
			f.bail = true
		}
	}()
	f.run(ft, body)
	f.finish()
}

func (r *run) addCreation(fld *types.Var, s site) {
	if fld.Pkg() != r.Pkg {
		return
	}
	fld = fld.Origin() // one field for every instance of a generic type
	// The first place that always hands the value out without the field,
	// else the first that sometimes does.
	if old, ok := r.creations[fld]; !ok || old.partial && !s.partial || old.partial == s.partial && s.pos < old.pos {
		r.creations[fld] = s
	}
}

// baseCheck decides about the map that a write writes into directly (not
// an inner map): a tracked variable or field, a field of a value from the
// caller, or a package variable.
func (r *run) baseCheck(w *write) {
	if w.bc == nil {
		return
	}
	if w.tseen {
		t := w.tracked
		if w.useen || w.mixed || t.bits&stillNil == 0 || t.bits&changed != 0 || t.origin == nil {
			return
		}
		if t.bits&assigned != 0 && !w.fn.partialOK(t.origin, w) {
			return // assigned on some paths: only when nothing correlates them
		}
		o := t.origin
		if o.first == nil {
			r.origins = append(r.origins, o)
			o.first = w
		} else if w.base.Pos() < o.first.base.Pos() {
			o.first = w
		}
		return
	}
	if w.bknown {
		return
	}
	c := w.bc
	if len(c) >= 2 {
		fld, ok := c[len(c)-1].(*types.Var)
		root, _ := c[0].(*types.Var)
		if ok && fld.IsField() && fld.Pkg() == r.Pkg && isMapType(fld.Type()) && root != nil && (w.fn.params[root] || w.fn.fetched(root)) {
			r.fieldWrites = append(r.fieldWrites, w)
		} else if made := r.madeOnOtherPath(w); made != nil {
			r.emitMadeLater(w, made)
		}
		return
	}
	if v, ok := c[0].(*types.Var); ok && v.Parent() == r.Pkg.Scope() && !v.Exported() && isMapType(v.Type()) {
		r.pkgWrites = append(r.pkgWrites, w)
	}
}

func (r *run) populated(id ident) bool {
	if r.elemPop[id] {
		return true
	}
	d, ok := r.deepPop[id.obj]
	return ok && d < id.depth
}

// An typeDepth names the elements at some depth of the maps of a type.
type typeDepth struct {
	typ   string
	depth int
}

// callerFilled reports a map that the function gets from its caller, whose
// inner maps at id's depth the caller may have made: the package fills
// that level of some map of the same type (a constructor), or the type is
// declared in another package, whose constructors nilmap does not see
// (minio's config.New makes every subsystem of a config.Config).
func (r *run) callerFilled(w *write, id ident) bool {
	v, ok := id.obj.(*types.Var)
	if !ok || !w.fn.params[v] {
		return false
	}
	if n, ok := types.Unalias(v.Type()).(*types.Named); ok && n.Obj().Pkg() != r.Pkg {
		return true
	}
	if r.typePop == nil {
		r.typePop = map[typeDepth]bool{}
		for _, f := range r.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				as, ok := n.(*ast.AssignStmt)
				if !ok || len(as.Lhs) != len(as.Rhs) {
					return true
				}
				for i, l := range as.Lhs {
					x, depth := r.mapRoot(l)
					if t := r.Info.TypeOf(x); depth >= 1 && t != nil && !r.isNil(as.Rhs[i]) {
						r.typePop[typeDepth{types.TypeString(t, nil), depth}] = true
					}
				}
				return true
			})
		}
	}
	return r.typePop[typeDepth{types.TypeString(v.Type(), nil), id.depth}]
}

func (r *run) decide() {
	for _, n := range r.nested {
		w := n.w
		skip := false
		for i := n.first; i < len(w.levels); i++ {
			id, ok := r.identOf(w.levels[i])
			if !ok || id.obj.Pkg() != r.Pkg || r.populated(id) || r.callerFilled(w, id) {
				skip = true
				break
			}
		}
		if skip {
			continue
		}
		r.emitNested(w, n.first)
		r.baseCheck(w)
	}
	for _, o := range r.origins {
		r.emitOrigin(o)
	}
	for _, w := range r.fieldWrites {
		fld := w.bc[len(w.bc)-1].(*types.Var)
		site, ok := r.creations[fld.Origin()]
		if ok && !r.fieldInit[fld.Origin()] && !(site.partial && r.fieldWriteCorrelated(w, fld, site)) {
			r.emitField(w, fld, site)
		} else if site, ok := r.resets[fld.Origin()]; ok && locksBefore(w.fn.root, w.stmt.Pos()) {
			r.emitReset(w, fld, site)
		} else if made := r.madeOnOtherPath(w); made != nil {
			r.emitMadeLater(w, made)
		}
	}
	first := map[types.Object]*write{}
	var vars []types.Object
	for _, w := range r.pkgWrites {
		v := w.bc[0]
		if r.pkgAssigned[v] {
			continue
		}
		if old, ok := first[v]; !ok {
			vars = append(vars, v)
			first[v] = w
		} else if w.loc.Pos() < old.loc.Pos() {
			first[v] = w
		}
	}
	for _, v := range vars {
		r.emitPkgVar(first[v], v.(*types.Var))
	}
}

func (r *run) emit(at ast.Expr, msg string, fix rules.Fix, reason string, order int) {
	if reason != "" {
		fix = nil
	}
	r.out = append(r.out, outcome{rules.Finding{Pos: at.Pos(), End: at.End(), Message: msg, Fix: fix, NoFix: reason}, order})
}

// act names the write, for messages.
func act(w *write) string {
	if w.copy {
		return "this maps.Copy, which panics as soon as its source is not empty"
	}
	if w.method != "" {
		return w.method + ", which writes into it"
	}
	return "this write"
}

func (r *run) emitNested(w *write, first int) {
	lv := w.levels[first]
	msg := fmt.Sprintf("%s may be nil: no inner map is stored for this key before %s", types.ExprString(lv), act(w))
	reason := ""
	for i := 0; i < len(w.levels) && reason == ""; i++ {
		if _, ok := r.key(w.levels[i].Index); !ok {
			reason = fmt.Sprintf("the key %s may have side effects, and a nil check would evaluate it twice", types.ExprString(w.levels[i].Index))
		}
	}
	if _, ok := r.key(w.base); !ok && reason == "" {
		reason = fmt.Sprintf("%s may have side effects, and a nil check would evaluate it twice", types.ExprString(w.base))
	}
	owner := w.fn.owner[w.stmt]
	if owner == nil && reason == "" {
		reason = "the write is not a statement of its own block"
	}
	n := r.namer(w.fn.file, w.stmt.Pos())
	plan := plan{}
	var guards []guard
	for i := first; i < len(w.levels) && reason == ""; i++ {
		t := r.elemType(w.levels[i])
		if err := n.check(t, plan); err != nil {
			reason = "the inner map type cannot be written here: " + err.Error()
		}
		guards = append(guards, guard{w.levels[i], t})
	}
	if reason == "" {
		reason = n.builtins()
	}
	r.emit(lv, msg, r.guardFix(n, plan, owner, w.stmt, guards), reason, 1)
}

func (r *run) emitOrigin(o *origin) {
	if o.kind == kindCall {
		r.emitCall(o)
		return
	}
	w, f := o.first, o.fn
	loc := types.ExprString(w.base)
	var msg string
	switch o.kind {
	case loneVar, multiVar:
		msg = fmt.Sprintf("%s is nil here: it is declared without a value at line %d, and nothing assigns it before %s", loc, r.Line(o.pos), act(w))
		if w.tracked.bits&assigned != 0 {
			msg = fmt.Sprintf("%s may be nil here: it is declared without a value at line %d, and only some paths assign it before %s", loc, r.Line(o.pos), act(w))
		}
	case kindResult:
		if w.tracked.bits&assigned != 0 {
			msg = fmt.Sprintf("%s may be nil here: the named result starts nil, and only some paths assign it before %s", loc, act(w))
			break
		}
		msg = fmt.Sprintf("%s is nil here: the named result starts nil, and nothing assigns it before %s", loc, act(w))
	default:
		msg = fmt.Sprintf("%s is nil here: %s is made at line %d without it, and nothing assigns it before %s", loc, o.v.Name(), r.Line(o.pos), act(w))
	}
	reason := ""
	if pos, kind, ok := f.blocked(o); ok {
		reason = fmt.Sprintf("line %d %s while %s is still nil; making it up front would change that", r.Line(pos), verb(kind, o.path != nil, o.v.Name()), loc)
	}
	var fix rules.Fix
	switch o.kind {
	case loneVar:
		owner := f.owner[o.stmt]
		if owner == nil {
			reason = cmp.Or(reason, "the declaration is not a statement of its own block")
		}
		fix = loneVarFix(owner, o.stmt.(*ast.DeclStmt))
	case multiVar:
		owner := f.owner[o.stmt]
		if owner == nil {
			reason = cmp.Or(reason, "the declaration is not a statement of its own block")
		}
		fix = afterFix(owner, o.stmt, identExpr(o.v.Name()), cloneExpr(o.typ))
	case kindResult:
		scope := r.Pkg.Scope().Innermost(o.body.Lbrace)
		if scope == nil || !astutil.VisibleAt(r.Info, o.typ, scope, o.body.Lbrace+1) {
			reason = cmp.Or(reason, "the result's type means something else inside the function")
		}
		fix = topFix(o.body, o.v.Name(), o.typ)
	default:
		fld := o.path[len(o.path)-1]
		at := o.pos
		if o.stmt != nil {
			at = o.stmt.Pos()
		}
		n := r.namer(f.file, at)
		plan := plan{}
		if err := n.check(fld.Type(), plan); err != nil {
			reason = cmp.Or(reason, "the map type cannot be written here: "+err.Error())
		}
		reason = cmp.Or(reason, n.builtins())
		typ := func(ctx *rules.FixContext) (dst.Expr, error) { return n.expr(fld.Type(), plan, ctx) }
		if o.kind == kindLit && len(o.path) == 1 && keyed(o.lit) {
			fix = litFix(o.lit, fld.Name(), typ)
			break
		}
		owner := f.owner[o.stmt]
		if owner == nil {
			reason = cmp.Or(reason, fmt.Sprintf("%s is made in an if, for or switch header", o.v.Name()))
		}
		fix = afterFix(owner, o.stmt, cloneExpr(w.base), typ)
	}
	r.emit(w.base, msg, fix, reason, 0)
}

func verb(kind useKind, field bool, name string) string {
	what := "it"
	if field {
		what = name
	}
	switch kind {
	case nilCmp:
		return "compares it with nil"
	case useReturn:
		return "returns " + what
	case useStore:
		return "stores " + what + " elsewhere"
	case useCall:
		return "passes " + what + " to a function"
	}
	return "uses " + what
}

// keyed reports whether a literal names its fields (or has none), so
// that a field can be added to it.
func keyed(lit *ast.CompositeLit) bool {
	for _, el := range lit.Elts {
		if _, ok := el.(*ast.KeyValueExpr); !ok {
			return false
		}
	}
	return true
}

func (r *run) emitField(w *write, fld *types.Var, site site) {
	some := ""
	if site.partial {
		some = " on some paths"
	}
	msg := fmt.Sprintf("%s may be nil: %s (%s) makes a %s without it%s, and nothing checks it before %s",
		types.ExprString(w.base), site.fn, r.Where(site.pos), r.typeName(site.typ), some, act(w))
	if site.decoded {
		msg = fmt.Sprintf("%s may be nil: %s (%s) decodes a %s, which leaves %s nil when the input has none, and nothing checks it before %s",
			types.ExprString(w.base), site.fn, r.Where(site.pos), r.typeName(site.typ), fld.Name(), act(w))
	}
	r.emitFieldGuard(w, fld, msg, fmt.Sprintf("; make %s where the %s is made", fld.Name(), r.typeName(site.typ)))
}

// emitFieldGuard reports a write into the map field fld that may be nil,
// with a lazy nil check before it as the fix, when the write goes through
// a pointer and the type can be written there. copyHint ends the reason
// given when the value written is a copy.
func (r *run) emitFieldGuard(w *write, fld *types.Var, msg, copyHint string) {
	reason := ""
	if !r.throughPointer(w.base) {
		what := "a value receiver or parameter"
		if v, ok := w.bc[0].(*types.Var); ok && !w.fn.params[v] {
			what = "a value a call returned"
		}
		reason = fmt.Sprintf("%s is a copy (%s): a nil check here would only fill the copy%s", w.bc[0].Name(), what, copyHint)
	}
	r.emitGuarded(w, fld.Type(), msg, reason)
}

// emitGuarded reports the write w into a map of type t that may be nil,
// with a nil check that makes it before the write as the fix, unless
// reason says why there is none, or the write or the type do not allow it.
func (r *run) emitGuarded(w *write, t types.Type, msg, reason string) {
	owner := w.fn.owner[w.stmt]
	if owner == nil {
		reason = cmp.Or(reason, "the write is not a statement of its own block")
	}
	n := r.namer(w.fn.file, w.stmt.Pos())
	plan := plan{}
	if reason == "" {
		if err := n.check(t, plan); err != nil {
			reason = "the map type cannot be written here: " + err.Error()
		}
		reason = cmp.Or(reason, n.builtins())
	}
	r.emit(w.base, msg, r.guardFix(n, plan, owner, w.stmt, []guard{{w.base, t}}), reason, 0)
}

// findResets records, for each map field of the package's struct types,
// the first place that sets it to nil (x.f = nil) in a function that takes
// a lock: the package itself says that the field can be nil again after it
// was made, and the lock says that this can happen while other code runs.
// A write through a value from the caller, in a function that takes a lock
// itself, that does not check the field first can then panic: a cache
// that Stop sets to nil, written by a request still running (loki's
// bloomshipper list cache, rclone's multipart stream buffer). A reset
// without a lock is the end of a phase (go/types clears its maps when a
// check is done), which writes of that phase do not outlive; a write
// without a lock of its own runs under its caller's, which nilmap does
// not follow.
func (r *run) findResets() {
	r.resets = map[*types.Var]site{}
	for _, file := range r.Files {
		for _, d := range file.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			locked := -1 // not known yet: most functions reset nothing
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				as, ok := n.(*ast.AssignStmt)
				if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != len(as.Rhs) {
					return true
				}
				for i, l := range as.Lhs {
					sel, ok := ast.Unparen(l).(*ast.SelectorExpr)
					if !ok || !r.isNil(as.Rhs[i]) {
						continue
					}
					fld, ok := r.Info.Uses[sel.Sel].(*types.Var)
					if !ok || !fld.IsField() || fld.Pkg() != r.Pkg || !isMapType(fld.Type()) {
						continue
					}
					if locked < 0 {
						locked = 0
						if locksBefore(fd.Body, fd.Body.End()) {
							locked = 1
						}
					}
					if locked == 0 {
						return false
					}
					fld = fld.Origin()
					if old, ok := r.resets[fld]; !ok || l.Pos() < old.pos {
						r.resets[fld] = site{pos: l.Pos(), fn: fd.Name.Name, typ: r.Info.TypeOf(sel.X)}
					}
				}
				return true
			})
		}
	}
}

// locksBefore reports whether n calls a method Lock or RLock without
// arguments (a sync.Mutex, a sync.RWMutex or a type like them) before pos.
func locksBefore(n ast.Node, pos token.Pos) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if found || n == nil || n.Pos() >= pos {
			return false
		}
		if call, ok := n.(*ast.CallExpr); ok && len(call.Args) == 0 {
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && (sel.Sel.Name == "Lock" || sel.Sel.Name == "RLock") {
				found = true
			}
		}
		return !found
	})
	return found
}

func (r *run) emitReset(w *write, fld *types.Var, site site) {
	msg := fmt.Sprintf("%s may be nil: %s (%s) sets %s to nil, and nothing checks it before %s",
		types.ExprString(w.base), site.fn, r.Where(site.pos), fld.Name(), act(w))
	r.emitFieldGuard(w, fld, msg, "")
}

func (r *run) emitPkgVar(w *write, v *types.Var) {
	msg := fmt.Sprintf("%s is nil here: it is declared without a value, and nothing in its package assigns it before %s", v.Name(), act(w))
	reason := ""
	if pos, ok := r.pkgObserved[v]; ok {
		reason = fmt.Sprintf("%s uses %s as a whole while it is nil; making it up front would change that", r.Where(pos), v.Name())
	}
	var decl *ast.GenDecl
	var spec *ast.ValueSpec
	for _, d := range w.fn.file.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.VAR {
			continue
		}
		for _, s := range gd.Specs {
			vs := s.(*ast.ValueSpec)
			if len(vs.Names) == 1 && r.Info.Defs[vs.Names[0]] == v && len(vs.Values) == 0 {
				decl, spec = gd, vs
			}
		}
	}
	if spec == nil {
		reason = cmp.Or(reason, "it is declared in another file or with other variables")
	}
	r.emit(w.base, msg, pkgVarFix(decl, spec), reason, 0)
}

func (r *run) typeName(t types.Type) string {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	return types.TypeString(t, types.RelativeTo(r.Pkg))
}

// throughPointer reports whether writing the field e writes through a
// pointer, into a value that outlives the function's copy.
func (r *run) throughPointer(e ast.Expr) bool {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.SelectorExpr:
			if sel, ok := r.Info.Selections[x]; ok && sel.Indirect() {
				return true
			}
			e = x.X
		case *ast.StarExpr:
			return true
		default:
			return false
		}
	}
}

// scanPackage finds, for the maps in interest, where the package fills
// their elements or hands them to other code, and which package variables
// it assigns or uses as a whole.
func (r *run) scanPackage(interest map[types.Object]bool) {
	for _, file := range r.Files {
		derived := map[types.Object][]types.Object{} // locals set from an expression that mentions these
		var stack []ast.Node
		ast.Inspect(file, func(n ast.Node) bool {
			if n == nil {
				stack = stack[:len(stack)-1]
				return true
			}
			switch x := n.(type) {
			case *ast.AssignStmt:
				r.derive(derived, x.Lhs, x.Rhs, interest)
			case *ast.ValueSpec:
				names := make([]ast.Expr, len(x.Names))
				for i, id := range x.Names {
					names[i] = id
				}
				r.derive(derived, names, x.Values, interest)
			case *ast.KeyValueExpr:
				if id, ok := x.Key.(*ast.Ident); ok {
					if fld, ok := r.Info.Uses[id].(*types.Var); ok && fld.IsField() && interest[fld] {
						r.filled(ident{fld, 0}, x.Value, true, stack, derived)
					}
				}
			case *ast.CompositeLit:
				if st, ok := astutil.CoreType(r.Info.TypeOf(x)).(*types.Struct); ok {
					for i, el := range x.Elts {
						if _, kv := el.(*ast.KeyValueExpr); !kv && i < st.NumFields() && interest[st.Field(i)] {
							r.filled(ident{st.Field(i), 0}, el, true, stack, derived)
						}
					}
				}
			}
			if e, ok := n.(ast.Expr); ok {
				r.scanOccurrence(e, stack, interest, derived)
			}
			stack = append(stack, n)
			return true
		})
	}
}

func (r *run) derive(derived map[types.Object][]types.Object, lhs, rhs []ast.Expr, interest map[types.Object]bool) {
	var objs []types.Object
	for _, e := range rhs {
		ast.Inspect(e, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				if o := r.Info.Uses[id]; o != nil {
					if interest[o] {
						objs = appendNew(objs, o)
					}
					objs = appendNew(objs, derived[o]...)
				}
			}
			return true
		})
	}
	if len(objs) == 0 {
		return
	}
	for _, l := range lhs {
		if id, ok := ast.Unparen(l).(*ast.Ident); ok {
			if o := r.Info.ObjectOf(id); o != nil {
				derived[o] = appendNew(derived[o], objs...)
			}
		}
	}
}

// appendNew appends to set the objects it does not hold yet: derive's
// lists are sets, and an assignment like x = x + 1 in a row of many would
// otherwise double x's list each time.
func appendNew(set []types.Object, objs ...types.Object) []types.Object {
	for _, o := range objs {
		if !slices.Contains(set, o) {
			set = append(set, o)
		}
	}
	return set
}

func (r *run) scanOccurrence(e ast.Expr, stack []ast.Node, interest map[types.Object]bool, derived map[types.Object][]types.Object) {
	switch x := e.(type) {
	case *ast.Ident:
		if len(stack) > 0 {
			switch p := stack[len(stack)-1].(type) {
			case *ast.SelectorExpr:
				if p.Sel == x {
					return
				}
			case *ast.KeyValueExpr:
				if p.Key == x {
					if v, ok := r.Info.Uses[x].(*types.Var); ok && v.IsField() {
						return
					}
				}
			case *ast.AssignStmt, *ast.ValueSpec, *ast.RangeStmt:
			default:
				if r.Info.Defs[x] != nil {
					return // a parameter, a field, a result: declared, not used
				}
			}
		}
	case *ast.SelectorExpr, *ast.IndexExpr:
	default:
		return
	}
	id, ok := r.identOf(e)
	if !ok || !interest[id.obj] {
		return
	}
	kind := r.useOf(e, stack)
	switch kind {
	case useIndexed:
	case useSafe:
		if call, ok := parentOf(e, stack).(*ast.CallExpr); ok && r.isMapsCall(call, "Copy") && len(call.Args) > 0 && ast.Unparen(call.Args[0]) == e {
			r.deep(id.obj, id.depth)
		}
	case nilCmp:
		if id.depth == 0 {
			r.observe(id.obj, e.Pos())
		}
	case useAssigned:
		rhs, decl, known := r.assignedValue(e, stack)
		if decl {
			return // var m T: declares, assigns nothing
		}
		if id.depth == 0 {
			r.pkgAssigned[id.obj] = true
		}
		r.filled(id, rhs, known, stack, derived)
	case useReturn:
		if id.depth == 0 {
			r.observe(id.obj, e.Pos())
		}
		if v, ok := id.obj.(*types.Var); !ok || v.IsField() || v.Parent() == r.Pkg.Scope() {
			r.deep(id.obj, id.depth)
		}
	default:
		r.deep(id.obj, id.depth)
		if id.depth == 0 {
			if kind == useAddr {
				r.pkgAssigned[id.obj] = true
			}
			r.observe(id.obj, e.Pos())
		}
	}
}

// filled records that the location id is assigned rhs (unknown when
// !known).
func (r *run) filled(id ident, rhs ast.Expr, known bool, stack []ast.Node, derived map[types.Object][]types.Object) {
	if id.depth >= 1 && (!known || !r.isNil(rhs)) && !r.lazy(stack, id.obj, derived) {
		r.elemPop[id] = true
	}
	if !known || !r.isEmpty(rhs) {
		r.deep(id.obj, id.depth)
	}
}

func (r *run) observe(obj types.Object, pos token.Pos) {
	if old, ok := r.pkgObserved[obj]; !ok || pos < old {
		r.pkgObserved[obj] = pos
	}
}

func (r *run) deep(obj types.Object, d int) {
	if cur, ok := r.deepPop[obj]; !ok || d < cur {
		r.deepPop[obj] = d
	}
}

func parentOf(e ast.Expr, stack []ast.Node) ast.Node {
	for i := len(stack) - 1; i >= 0; i-- {
		if _, ok := stack[i].(*ast.ParenExpr); !ok {
			return stack[i]
		}
	}
	return nil
}

// assignedValue returns the value assigned to e, the target of an
// assignment; known is false when it cannot be told (op=, a call with
// several results, range, ++), and decl is true for a var without a value.
func (r *run) assignedValue(e ast.Expr, stack []ast.Node) (rhs ast.Expr, decl, known bool) {
	switch p := parentOf(e, stack).(type) {
	case *ast.AssignStmt:
		if (p.Tok != token.ASSIGN && p.Tok != token.DEFINE) || len(p.Lhs) != len(p.Rhs) {
			return nil, false, false
		}
		for i, l := range p.Lhs {
			if ast.Unparen(l) == e {
				return p.Rhs[i], false, true
			}
		}
	case *ast.ValueSpec:
		if len(p.Values) == 0 {
			return nil, true, false
		}
		if len(p.Values) != len(p.Names) {
			return nil, false, false
		}
		for i, n := range p.Names {
			if n == e {
				return p.Values[i], false, true
			}
		}
	}
	return nil, false, false
}

// lazy reports whether the node at the top of stack is inside the body of
// an if whose condition looks at obj (or at a local set from it): a lazy
// initialisation, which shows that the elements may be missing.
func (r *run) lazy(stack []ast.Node, obj types.Object, derived map[types.Object][]types.Object) bool {
	for j := len(stack) - 2; j >= 0; j-- {
		switch s := stack[j].(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			return false
		case *ast.IfStmt:
			if stack[j+1] != s.Body {
				continue
			}
			if r.mentionsObj(s.Cond, obj, derived) || s.Init != nil && r.mentionsObj(s.Init, obj, derived) {
				return true
			}
		}
	}
	return false
}

func (r *run) mentionsObj(n ast.Node, obj types.Object, derived map[types.Object][]types.Object) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if o := r.Info.ObjectOf(id); o != nil && (o == obj || slices.Contains(derived[o], obj)) {
				found = true
			}
		}
		return !found
	})
	return found
}

func constantInt64(tv types.TypeAndValue) (int64, bool) {
	v := constant.ToInt(tv.Value)
	if v.Kind() != constant.Int {
		return 0, false
	}
	return constant.Int64Val(v)
}
