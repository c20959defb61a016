package rules

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"

	"github.com/dave/dst"
)

// Nilmap reports writes that can hit a nil map, which panic with
// "assignment to entry in nil map".
//
// Making a map makes only that map: the inner maps of a map of maps, a map
// variable declared without a value, and the map fields of a struct value
// made without them all start nil, and reading them works, so the code
// runs until the first write. The rule reports such a write, with an
// assignment, op=, ++ or --, or maps.Copy into it, when nothing before it
// on every path makes the map:
//
//   - M[a][b] = v (any depth), when M[a] is not known to be non-nil: no
//     earlier M[a] = <non-nil>, if M[a] == nil { M[a] = … },
//     if _, ok := M[a]; !ok { M[a] = … }, or a write into M[a], on every
//     path, with the same side-effect-free a assigned nowhere since; and
//     nothing else in the package stores inner maps into M. When M comes
//     from the caller (a parameter), also nothing in the package stores
//     inner maps into any map of M's type, and that type is not a named
//     type of another package, whose constructors may fill it.
//   - m[k] = v, where m is a variable declared without a value, or a named
//     result, that nothing has assigned on any path that reaches the write.
//   - x.f[k] = v, where x is a struct value made in the same function
//     without f (T{...} leaving it out, &T{...}, new(T), var x T) and
//     nothing has assigned x.f since.
//   - t.f[k] = v in a function that gets t from its caller and does not
//     check t.f for nil first, when the package makes a T without f and
//     hands it out (returns or stores it), and nothing in the package
//     fills f outside such a nil check, takes &t.f, or stores a T made with
//     f into a field (re-making it in place). The message names where.
//   - m[k] = v, where m is an unexported package-level map that nothing in
//     the package assigns.
//
// Reads, delete, len and range are fine on a nil map and are not reported.
// The rule errs towards silence: calls are assumed to change nothing,
// values whose address is taken or that a closure uses are not followed,
// and a map that may or may not have been assigned is left alone.
//
// Fixes: a nil check before the write, one per level and outermost first,
// with the inner type as the file names it (adding an import if needed);
// for a variable, m := make(T) where it is declared (or an assignment
// right after the declaration, or at the top of the function for a named
// result); for a struct value, the field in the literal or an assignment
// right after the value is made; for a field across functions, a lazy nil
// check before the write, only when the write reaches the caller's value
// (through a pointer). There is no fix when the key has side effects,
// when the type cannot be written in the file, when the receiver is a copy,
// or when initializing the map early would change what other code sees
// (it compares the map with nil, or hands it out while it is still nil).
//
// Before:
//
//	hits := map[string]map[string]int{}
//	for _, r := range reqs {
//		hits[r.Tenant][r.Path]++
//	}
//
//	cfg := Config{Name: name}
//	for _, p := range ports {
//		cfg.Ports[p] = true
//	}
//
// After:
//
//	hits := map[string]map[string]int{}
//	for _, r := range reqs {
//		if hits[r.Tenant] == nil {
//			hits[r.Tenant] = make(map[string]int)
//		}
//		hits[r.Tenant][r.Path]++
//	}
//
//	cfg := Config{Name: name, Ports: make(map[int]bool)}
//	for _, p := range ports {
//		cfg.Ports[p] = true
//	}
var Nilmap = &Rule{
	Name: "nilmap",
	Doc:  "writes that can hit a nil map: inner maps, variables and struct fields never made",
	Help: "A write into a nil map panics with \"assignment to entry in nil map\". Making a map of maps makes none of the inner maps, " +
		"and a map variable or struct field declared without a value starts nil. The fix makes the map before the write: a nil check " +
		"per level for an inner map, make(T) where a variable is declared, the field in the struct literal, or a lazy nil check " +
		"through a pointer receiver. No fix when the key has side effects, the type cannot be named, or code relies on the map being nil.",
	Run: runNilmap,
}

type nmRun struct {
	*Pass
	ids map[types.Object]string

	fieldInit map[*types.Var]bool   // map fields filled outside their making and outside lazy checks
	creations map[*types.Var]nmSite // map fields, and a place that hands out a struct without them

	nested      []nmNested
	origins     []*nmOrigin
	fieldWrites []*nmWrite
	pkgWrites   []*nmWrite

	// From the package scan.
	elemPop     map[nmIdent]bool      // an element at this depth is filled somewhere, unguarded
	typePop     map[nmTypeDepth]bool  // an element at this depth of some map of this type is filled (lazily built)
	deepPop     map[types.Object]int  // filled (or handed to other code) at this depth: everything below may be
	pkgAssigned map[types.Object]bool // package variables assigned somewhere
	pkgObserved map[types.Object]token.Pos

	out []nmOut
}

type nmSite struct {
	pos token.Pos
	fn  string
	typ types.Type
}

type nmNested struct {
	w     *nmWrite
	first int // the outermost level that needs a check
}

type nmOut struct {
	f     Finding
	order int
}

func runNilmap(p *Pass) []Finding {
	r := &nmRun{
		Pass:        p,
		ids:         map[types.Object]string{},
		fieldInit:   map[*types.Var]bool{},
		creations:   map[*types.Var]nmSite{},
		elemPop:     map[nmIdent]bool{},
		deepPop:     map[types.Object]int{},
		pkgAssigned: map[types.Object]bool{},
		pkgObserved: map[types.Object]token.Pos{},
	}
	for _, file := range p.Files {
		for _, d := range file.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Body == nil || !r.interesting(d.Body) {
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
	r.decide()
	slices.SortStableFunc(r.out, func(a, b nmOut) int {
		return cmp.Or(cmp.Compare(a.f.Pos, b.f.Pos), cmp.Compare(a.order, b.order))
	})
	out := make([]Finding, len(r.out))
	for i, o := range r.out {
		out[i] = o.f
	}
	return out
}

// analyse runs the flow analysis of one function. A bug that makes it
// panic costs that function's findings, not the run.
func (r *nmRun) analyse(file *ast.File, name string, root ast.Node, ft *ast.FuncType, body *ast.BlockStmt) {
	f := r.newFunc(file, name, root)
	defer func() {
		if recover() != nil {
			f.bail = true
		}
	}()
	f.run(ft, body)
	f.finish()
}

func (r *nmRun) addCreation(fld *types.Var, s nmSite) {
	if fld.Pkg() != r.Pkg {
		return
	}
	fld = fld.Origin() // one field for every instance of a generic type
	if old, ok := r.creations[fld]; !ok || s.pos < old.pos {
		r.creations[fld] = s
	}
}

// baseCheck decides about the map that a write writes into directly (not
// an inner map): a tracked variable or field, a field of a value from the
// caller, or a package variable.
func (r *nmRun) baseCheck(w *nmWrite) {
	if w.bc == nil {
		return
	}
	if w.tseen {
		t := w.tracked
		if w.useen || w.mixed || t.bits&nmU == 0 || t.bits&nmA != 0 || t.origin == nil {
			return
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
		if ok && fld.IsField() && fld.Pkg() == r.Pkg && nmIsMapType(fld.Type()) && root != nil && w.fn.params[root] {
			r.fieldWrites = append(r.fieldWrites, w)
		}
		return
	}
	if v, ok := c[0].(*types.Var); ok && v.Parent() == r.Pkg.Scope() && !v.Exported() && nmIsMapType(v.Type()) {
		r.pkgWrites = append(r.pkgWrites, w)
	}
}

func (r *nmRun) populated(id nmIdent) bool {
	if r.elemPop[id] {
		return true
	}
	d, ok := r.deepPop[id.obj]
	return ok && d < id.depth
}

// An nmTypeDepth names the elements at some depth of the maps of a type.
type nmTypeDepth struct {
	typ   string
	depth int
}

// callerFilled reports a map that the function gets from its caller, whose
// inner maps at id's depth the caller may have made: the package fills
// that level of some map of the same type (a constructor), or the type is
// declared in another package, whose constructors nilmap does not see
// (minio's config.New makes every subsystem of a config.Config).
func (r *nmRun) callerFilled(w *nmWrite, id nmIdent) bool {
	v, ok := id.obj.(*types.Var)
	if !ok || !w.fn.params[v] {
		return false
	}
	if n, ok := types.Unalias(v.Type()).(*types.Named); ok && n.Obj().Pkg() != r.Pkg {
		return true
	}
	if r.typePop == nil {
		r.typePop = map[nmTypeDepth]bool{}
		for _, f := range r.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				as, ok := n.(*ast.AssignStmt)
				if !ok || len(as.Lhs) != len(as.Rhs) {
					return true
				}
				for i, l := range as.Lhs {
					x, depth := r.mapRoot(l)
					if t := r.Info.TypeOf(x); depth >= 1 && t != nil && !r.isNil(as.Rhs[i]) {
						r.typePop[nmTypeDepth{types.TypeString(t, nil), depth}] = true
					}
				}
				return true
			})
		}
	}
	return r.typePop[nmTypeDepth{types.TypeString(v.Type(), nil), id.depth}]
}

func (r *nmRun) decide() {
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
		if !ok || r.fieldInit[fld.Origin()] {
			continue
		}
		r.emitField(w, fld, site)
	}
	first := map[types.Object]*nmWrite{}
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

func (r *nmRun) emit(at ast.Expr, msg string, fix Fix, reason string, order int) {
	if reason != "" {
		fix = nil
	}
	r.out = append(r.out, nmOut{Finding{Pos: at.Pos(), End: at.End(), Message: msg, Fix: fix, NoFix: reason}, order})
}

// act names the write, for messages.
func nmAct(w *nmWrite) string {
	if w.copy {
		return "this maps.Copy, which panics as soon as its source is not empty"
	}
	return "this write"
}

func (r *nmRun) emitNested(w *nmWrite, first int) {
	lv := w.levels[first]
	msg := fmt.Sprintf("%s may be nil: no inner map is stored for this key before %s", types.ExprString(lv), nmAct(w))
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
	plan := nmPlan{}
	var guards []nmGuard
	for i := first; i < len(w.levels) && reason == ""; i++ {
		t := r.elemType(w.levels[i])
		if err := n.check(t, plan); err != nil {
			reason = "the inner map type cannot be written here: " + err.Error()
		}
		guards = append(guards, nmGuard{w.levels[i], t})
	}
	if reason == "" {
		reason = n.builtins()
	}
	r.emit(lv, msg, r.guardFix(n, plan, owner, w.stmt, guards), reason, 1)
}

func (r *nmRun) emitOrigin(o *nmOrigin) {
	w, f := o.first, o.fn
	loc := types.ExprString(w.base)
	var msg string
	switch o.kind {
	case nmLoneVar, nmMultiVar:
		msg = fmt.Sprintf("%s is nil here: it is declared without a value at line %d, and nothing assigns it before %s", loc, r.Line(o.pos), nmAct(w))
	case nmResult:
		msg = fmt.Sprintf("%s is nil here: the named result starts nil, and nothing assigns it before %s", loc, nmAct(w))
	default:
		msg = fmt.Sprintf("%s is nil here: %s is made at line %d without it, and nothing assigns it before %s", loc, o.v.Name(), r.Line(o.pos), nmAct(w))
	}
	reason := ""
	if pos, kind, ok := f.blocked(o); ok {
		reason = fmt.Sprintf("line %d %s while %s is still nil; making it up front would change that", r.Line(pos), nmVerb(kind, o.path != nil, o.v.Name()), loc)
	}
	var fix Fix
	switch o.kind {
	case nmLoneVar:
		owner := f.owner[o.stmt]
		if owner == nil {
			reason = cmp.Or(reason, "the declaration is not a statement of its own block")
		}
		fix = nmLoneVarFix(owner, o.stmt.(*ast.DeclStmt))
	case nmMultiVar:
		owner := f.owner[o.stmt]
		if owner == nil {
			reason = cmp.Or(reason, "the declaration is not a statement of its own block")
		}
		fix = nmAfterFix(owner, o.stmt, nmIdentExpr(o.v.Name()), nmCloneExpr(o.typ))
	case nmResult:
		scope := r.Pkg.Scope().Innermost(o.body.Lbrace)
		if scope == nil || !r.visibleAt(o.typ, scope, o.body.Lbrace+1) {
			reason = cmp.Or(reason, "the result's type means something else inside the function")
		}
		fix = nmTopFix(o.body, o.v.Name(), o.typ)
	default:
		fld := o.path[len(o.path)-1]
		at := o.pos
		if o.stmt != nil {
			at = o.stmt.Pos()
		}
		n := r.namer(f.file, at)
		plan := nmPlan{}
		if err := n.check(fld.Type(), plan); err != nil {
			reason = cmp.Or(reason, "the map type cannot be written here: "+err.Error())
		}
		reason = cmp.Or(reason, n.builtins())
		typ := func(ctx *FixContext) (dst.Expr, error) { return n.expr(fld.Type(), plan, ctx) }
		if o.kind == nmLit && len(o.path) == 1 && nmKeyed(o.lit) {
			fix = nmLitFix(o.lit, fld.Name(), typ)
			break
		}
		owner := f.owner[o.stmt]
		if owner == nil {
			reason = cmp.Or(reason, fmt.Sprintf("%s is made in an if, for or switch header", o.v.Name()))
		}
		fix = nmAfterFix(owner, o.stmt, nmCloneExpr(w.base), typ)
	}
	r.emit(w.base, msg, fix, reason, 0)
}

func nmVerb(kind nmUse, field bool, name string) string {
	what := "it"
	if field {
		what = name
	}
	switch kind {
	case nmNilCmp:
		return "compares it with nil"
	case nmReturn:
		return "returns " + what
	case nmStore:
		return "stores " + what + " elsewhere"
	case nmCall:
		return "passes " + what + " to a function"
	}
	return "uses " + what
}

// nmKeyed reports whether a literal names its fields (or has none), so
// that a field can be added to it.
func nmKeyed(lit *ast.CompositeLit) bool {
	for _, el := range lit.Elts {
		if _, ok := el.(*ast.KeyValueExpr); !ok {
			return false
		}
	}
	return true
}

func (r *nmRun) emitField(w *nmWrite, fld *types.Var, site nmSite) {
	loc := types.ExprString(w.base)
	msg := fmt.Sprintf("%s may be nil: %s (%s) makes a %s without it, and nothing checks it before %s",
		loc, site.fn, r.Where(site.pos), r.typeName(site.typ), nmAct(w))
	reason := ""
	if !r.throughPointer(w.base) {
		reason = fmt.Sprintf("%s is a copy (a value receiver or parameter): a nil check here would only fill the copy; make %s where the %s is made",
			w.bc[0].Name(), fld.Name(), r.typeName(site.typ))
	}
	owner := w.fn.owner[w.stmt]
	if owner == nil {
		reason = cmp.Or(reason, "the write is not a statement of its own block")
	}
	n := r.namer(w.fn.file, w.stmt.Pos())
	plan := nmPlan{}
	if reason == "" {
		if err := n.check(fld.Type(), plan); err != nil {
			reason = "the map type cannot be written here: " + err.Error()
		}
		reason = cmp.Or(reason, n.builtins())
	}
	r.emit(w.base, msg, r.guardFix(n, plan, owner, w.stmt, []nmGuard{{w.base, fld.Type()}}), reason, 0)
}

func (r *nmRun) emitPkgVar(w *nmWrite, v *types.Var) {
	msg := fmt.Sprintf("%s is nil here: it is declared without a value, and nothing in its package assigns it before %s", v.Name(), nmAct(w))
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
	r.emit(w.base, msg, nmPkgVarFix(decl, spec), reason, 0)
}

func (r *nmRun) typeName(t types.Type) string {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	return types.TypeString(t, types.RelativeTo(r.Pkg))
}

// throughPointer reports whether writing the field e writes through a
// pointer, into a value that outlives the function's copy.
func (r *nmRun) throughPointer(e ast.Expr) bool {
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
func (r *nmRun) scanPackage(interest map[types.Object]bool) {
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
						r.filled(nmIdent{fld, 0}, x.Value, true, stack, derived)
					}
				}
			case *ast.CompositeLit:
				if st, ok := coreType(r.Info.TypeOf(x)).(*types.Struct); ok {
					for i, el := range x.Elts {
						if _, kv := el.(*ast.KeyValueExpr); !kv && i < st.NumFields() && interest[st.Field(i)] {
							r.filled(nmIdent{st.Field(i), 0}, el, true, stack, derived)
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

func (r *nmRun) derive(derived map[types.Object][]types.Object, lhs, rhs []ast.Expr, interest map[types.Object]bool) {
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

func (r *nmRun) scanOccurrence(e ast.Expr, stack []ast.Node, interest map[types.Object]bool, derived map[types.Object][]types.Object) {
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
	case nmIndexed:
	case nmSafe:
		if call, ok := nmParent(e, stack).(*ast.CallExpr); ok && r.isMapsCall(call, "Copy") && len(call.Args) > 0 && ast.Unparen(call.Args[0]) == e {
			r.deep(id.obj, id.depth)
		}
	case nmNilCmp:
		if id.depth == 0 {
			r.observe(id.obj, e.Pos())
		}
	case nmAssigned:
		rhs, decl, known := r.assignedValue(e, stack)
		if decl {
			return // var m T: declares, assigns nothing
		}
		if id.depth == 0 {
			r.pkgAssigned[id.obj] = true
		}
		r.filled(id, rhs, known, stack, derived)
	case nmReturn:
		if id.depth == 0 {
			r.observe(id.obj, e.Pos())
		}
		if v, ok := id.obj.(*types.Var); !ok || v.IsField() || v.Parent() == r.Pkg.Scope() {
			r.deep(id.obj, id.depth)
		}
	default:
		r.deep(id.obj, id.depth)
		if id.depth == 0 {
			if kind == nmAddr {
				r.pkgAssigned[id.obj] = true
			}
			r.observe(id.obj, e.Pos())
		}
	}
}

// filled records that the location id is assigned rhs (unknown when
// !known).
func (r *nmRun) filled(id nmIdent, rhs ast.Expr, known bool, stack []ast.Node, derived map[types.Object][]types.Object) {
	if id.depth >= 1 && (!known || !r.isNil(rhs)) && !r.lazy(stack, id.obj, derived) {
		r.elemPop[id] = true
	}
	if !known || !r.isEmpty(rhs) {
		r.deep(id.obj, id.depth)
	}
}

func (r *nmRun) observe(obj types.Object, pos token.Pos) {
	if old, ok := r.pkgObserved[obj]; !ok || pos < old {
		r.pkgObserved[obj] = pos
	}
}

func (r *nmRun) deep(obj types.Object, d int) {
	if cur, ok := r.deepPop[obj]; !ok || d < cur {
		r.deepPop[obj] = d
	}
}

func nmParent(e ast.Expr, stack []ast.Node) ast.Node {
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
func (r *nmRun) assignedValue(e ast.Expr, stack []ast.Node) (rhs ast.Expr, decl, known bool) {
	switch p := nmParent(e, stack).(type) {
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
func (r *nmRun) lazy(stack []ast.Node, obj types.Object, derived map[types.Object][]types.Object) bool {
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

func (r *nmRun) mentionsObj(n ast.Node, obj types.Object, derived map[types.Object][]types.Object) bool {
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
