package nilmap

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"github.com/mapfix/mapfix/rules/internal/astutil"
)

// Keys name the locations that nilmap reasons about (m, s.f, M[a], M[a][b])
// without evaluating anything: two expressions get the same key when they
// denote the same location as long as none of the variables they mention is
// assigned. Identifiers are replaced by the identity of their objects, so
// shadowing cannot confuse two locations, and promoted fields are spelled
// out, so s.f and s.Embedded.f meet.

// objID returns a short, stable name for obj within this run.
func (r *run) objID(obj types.Object) string {
	id, ok := r.ids[obj]
	if !ok {
		id = strconv.Itoa(len(r.ids))
		r.ids[obj] = id
	}
	return id
}

// chainKey is the key of the location a chain names.
func (r *run) chainKey(c astutil.Chain) string {
	var b strings.Builder
	for i, o := range c {
		if i == 0 {
			b.WriteString("v")
		} else {
			b.WriteString(".")
		}
		b.WriteString(r.objID(o))
	}
	return b.String()
}

// key returns the key of e, and false when e may have side effects or is
// not something a key can name: only constants, variables, field
// selections, index expressions, dereferences, conversions, len and cap,
// and operators and composite literals over those qualify.
func (r *run) key(e ast.Expr) (string, bool) {
	if tv, ok := r.Info.Types[e]; ok && tv.Value != nil {
		return "c(" + tv.Value.ExactString() + ")", true
	}
	switch e := e.(type) {
	case *ast.ParenExpr:
		return r.key(e.X)
	case *ast.Ident:
		if v, ok := r.Info.Uses[e].(*types.Var); ok {
			return "v" + r.objID(v), true
		}
	case *ast.SelectorExpr:
		if c := astutil.ChainOf(r.Info, e); c != nil {
			return r.chainKey(c), true
		}
		sel, ok := r.Info.Selections[e]
		if !ok || sel.Kind() != types.FieldVal {
			return "", false
		}
		x, ok := r.key(e.X)
		if !ok {
			return "", false
		}
		fields := astutil.FieldPath(sel)
		if fields == nil {
			return "", false
		}
		for _, f := range fields {
			x += "." + r.objID(f)
		}
		return x, true
	case *ast.IndexExpr:
		if tv, ok := r.Info.Types[e.X]; !ok || !tv.IsValue() {
			return "", false // an instantiation
		}
		switch t := astutil.CoreType(r.Info.TypeOf(e.X)).(type) {
		case *types.Map, *types.Slice, *types.Array, *types.Basic:
		case *types.Pointer:
			if _, ok := astutil.CoreType(t.Elem()).(*types.Array); !ok {
				return "", false
			}
		default:
			return "", false
		}
		x, ok1 := r.key(e.X)
		i, ok2 := r.key(e.Index)
		return x + "[" + i + "]", ok1 && ok2
	case *ast.StarExpr:
		x, ok := r.key(e.X)
		return "*" + x, ok
	case *ast.UnaryExpr:
		if e.Op == token.ARROW {
			return "", false
		}
		x, ok := r.key(e.X)
		return e.Op.String() + "(" + x + ")", ok
	case *ast.BinaryExpr:
		x, ok1 := r.key(e.X)
		y, ok2 := r.key(e.Y)
		return "(" + x + e.Op.String() + y + ")", ok1 && ok2
	case *ast.CallExpr:
		if len(e.Args) != 1 || e.Ellipsis != token.NoPos {
			return "", false
		}
		if tv, ok := r.Info.Types[e.Fun]; ok && tv.IsType() {
			x, ok := r.key(e.Args[0])
			return "conv(" + tv.Type.String() + ":" + x + ")", ok
		}
		if b := astutil.Builtin(r.Info, e); b == "len" || b == "cap" {
			x, ok := r.key(e.Args[0])
			return b + "(" + x + ")", ok
		}
	case *ast.CompositeLit:
		t := r.Info.TypeOf(e)
		switch astutil.CoreType(t).(type) {
		case *types.Struct, *types.Array:
		default:
			return "", false
		}
		var b strings.Builder
		b.WriteString("lit(" + t.String() + "{")
		for _, el := range e.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok {
					b.WriteString(id.Name + ":")
				} else {
					k, ok := r.key(kv.Key)
					if !ok {
						return "", false
					}
					b.WriteString(k + ":")
				}
				el = kv.Value
			}
			v, ok := r.key(el)
			if !ok {
				return "", false
			}
			b.WriteString(v + ",")
		}
		b.WriteString("})")
		return b.String(), true
	}
	return "", false
}

// isMapElem reports whether e is an element of a map that is itself a map:
// M[a] in M[a][b] = v.
func (r *run) isMapElem(e ast.Expr) bool {
	ix, ok := ast.Unparen(e).(*ast.IndexExpr)
	if !ok {
		return false
	}
	_, ok = astutil.CoreType(r.elemType(ix)).(*types.Map)
	return ok
}

// elemType returns the element type of the map that ix indexes, or nil.
// (The type recorded for ix itself is a tuple in v, ok := M[k].)
func (r *run) elemType(ix *ast.IndexExpr) types.Type {
	if tv, ok := r.Info.Types[ix.X]; !ok || !tv.IsValue() {
		return nil
	}
	if m, ok := astutil.CoreType(r.Info.TypeOf(ix.X)).(*types.Map); ok {
		return m.Elem()
	}
	return nil
}

// isMap reports whether e is a map value.
func (r *run) isMap(e ast.Expr) bool {
	if tv, ok := r.Info.Types[e]; !ok || !tv.IsValue() {
		return false
	}
	_, ok := astutil.CoreType(r.Info.TypeOf(e)).(*types.Map)
	return ok
}

// mapWrite returns the map that an assignment to lhs writes into, or nil:
// M for M[k] = v.
func (r *run) mapWrite(lhs ast.Expr) ast.Expr {
	ix, ok := ast.Unparen(lhs).(*ast.IndexExpr)
	if !ok || !r.isMap(ix.X) {
		return nil
	}
	return ast.Unparen(ix.X)
}

// levels returns the map elements that must be non-nil for a write into
// the map e to succeed, outermost first: M[a] and M[a][b] for
// e = M[a][b]. It is empty when e is not an element of a map.
func (r *run) levels(e ast.Expr) []*ast.IndexExpr {
	var out []*ast.IndexExpr
	for r.isMapElem(e) {
		ix := ast.Unparen(e).(*ast.IndexExpr)
		out = append([]*ast.IndexExpr{ix}, out...)
		e = ix.X
	}
	return out
}

// identity names a map location across the whole package, for the question
// "is anything stored into its elements somewhere?": the variable or the
// struct field that holds the outermost map, and how many index levels lie
// below it (s.hits is depth 0, s.hits[a] depth 1).
type ident struct {
	obj   types.Object
	depth int
}

// mapRoot strips the map index levels off e: m[a][b] gives m and 2.
func (r *run) mapRoot(e ast.Expr) (ast.Expr, int) {
	depth := 0
	for {
		e = ast.Unparen(e)
		ix, ok := e.(*ast.IndexExpr)
		if !ok || !r.isMap(ix.X) {
			return e, depth
		}
		depth++
		e = ix.X
	}
}

func (r *run) identOf(e ast.Expr) (ident, bool) {
	e, depth := r.mapRoot(e)
	switch e := e.(type) {
	case *ast.Ident:
		if v, ok := r.Info.Uses[e].(*types.Var); ok {
			return ident{v, depth}, true
		}
		if v, ok := r.Info.Defs[e].(*types.Var); ok {
			return ident{v, depth}, true
		}
	case *ast.SelectorExpr:
		if sel, ok := r.Info.Selections[e]; ok {
			if sel.Kind() == types.FieldVal {
				return ident{sel.Obj(), depth}, true
			}
			return ident{}, false
		}
		if v, ok := r.Info.Uses[e.Sel].(*types.Var); ok {
			return ident{v, depth}, true
		}
	}
	return ident{}, false
}

// How an expression that denotes a map (or a struct that holds one) is
// used, as far as its nil-ness goes.
type useKind int

const (
	useIndexed  useKind = iota // m[k], read or written
	useSafe                    // len, cap, delete, clear, range, maps.Copy, printing: nil and empty behave alike
	nilCmp                     // m == nil, m != nil
	useAssigned                // m = v: the location itself is replaced
	useAddr                    // &m, a method with a pointer receiver: may be changed later, out of sight
	useMethod                  // a method call: may store into the map
	useReturn                  // return m
	useStore                   // stored into another location: assigned from, appended, sent, put in a literal
	useCall                    // passed to a function
	useOther                   // anything else that takes its value
)

// useOf classifies how e is used, given its ancestors (the last is its
// parent).
func (r *run) useOf(e ast.Expr, parents []ast.Node) useKind {
	i := len(parents) - 1
	for i >= 0 {
		if _, ok := parents[i].(*ast.ParenExpr); !ok {
			break
		}
		e = parents[i].(*ast.ParenExpr)
		i--
	}
	if i < 0 {
		return useOther
	}
	switch p := parents[i].(type) {
	case *ast.IndexExpr:
		if p.X == e {
			return useIndexed
		}
	case *ast.SelectorExpr:
		if p.X == e {
			sel, ok := r.Info.Selections[p]
			if ok && sel.Kind() == types.FieldVal {
				return useOther // a field of a struct value; callers climb through these
			}
			if ok && r.ptrMethod(p) {
				return useAddr
			}
			if i > 0 {
				if call, ok := parents[i-1].(*ast.CallExpr); ok && call.Fun == p && r.writeCall(call) != nil {
					return useIndexed // a write, like m[k] = v
				}
			}
			return useMethod
		}
	case *ast.CallExpr:
		if p.Fun == e {
			return useOther
		}
		switch astutil.Builtin(r.Info, p) {
		case "len", "cap", "delete", "clear":
			return useSafe
		case "append":
			if len(p.Args) > 0 && p.Args[0] != e {
				return useStore
			}
			return useOther
		case "":
		default:
			return useOther
		}
		if fn := r.callee(p); fn != nil && fn.Pkg() != nil {
			switch fn.Pkg().Path() {
			case "maps":
				switch fn.Name() {
				case "Copy", "Keys", "Values", "All", "Equal", "EqualFunc", "DeleteFunc":
					return useSafe
				}
			case "fmt":
				switch fn.Name() {
				case "Print", "Println", "Sprint", "Sprintln", "Fprint", "Fprintln":
					return useSafe
				case "Printf", "Sprintf", "Fprintf", "Errorf":
					// %#v tells nil from empty; %v and the others do not.
					fi := 0
					if fn.Name() == "Fprintf" {
						fi = 1
					}
					if fi < len(p.Args) && p.Args[fi] != e {
						tv, ok := r.Info.Types[p.Args[fi]]
						if ok && tv.Value != nil && tv.Value.Kind() == constant.String && !strings.Contains(constant.StringVal(tv.Value), "#") {
							return useSafe
						}
					}
				}
			}
		}
		return useCall
	case *ast.RangeStmt:
		if p.X == e {
			return useSafe
		}
		return useAssigned
	case *ast.BinaryExpr:
		if p.Op == token.EQL || p.Op == token.NEQ {
			other := p.Y
			if other == e {
				other = p.X
			}
			if r.isNil(other) {
				return nilCmp
			}
		}
	case *ast.UnaryExpr:
		if p.Op == token.AND {
			return useAddr
		}
	case *ast.AssignStmt:
		for _, l := range p.Lhs {
			if l == e {
				return useAssigned
			}
		}
		return useStore
	case *ast.IncDecStmt:
		return useAssigned
	case *ast.ValueSpec:
		for _, n := range p.Names {
			if n == e {
				return useAssigned
			}
		}
		return useStore
	case *ast.ReturnStmt:
		return useReturn
	case *ast.CompositeLit, *ast.SendStmt:
		return useStore
	case *ast.KeyValueExpr:
		if p.Value == e {
			return useStore
		}
	}
	return useOther
}

// ptrMethod reports whether sel selects a method with a pointer receiver.
func (r *run) ptrMethod(sel *ast.SelectorExpr) bool {
	ptrRecv, _ := astutil.MethodPointers(r.Info, sel)
	return ptrRecv
}

// callee returns the function or method that call calls, or nil.
func (r *run) callee(call *ast.CallExpr) *types.Func {
	var id *ast.Ident
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		id = f
	case *ast.SelectorExpr:
		id = f.Sel
	case *ast.IndexExpr: // an instantiation
		switch g := ast.Unparen(f.X).(type) {
		case *ast.Ident:
			id = g
		case *ast.SelectorExpr:
			id = g.Sel
		}
	case *ast.IndexListExpr:
		switch g := ast.Unparen(f.X).(type) {
		case *ast.Ident:
			id = g
		case *ast.SelectorExpr:
			id = g.Sel
		}
	}
	if id == nil {
		return nil
	}
	fn, _ := r.Info.Uses[id].(*types.Func)
	return fn
}

// isMapsCall reports whether call calls maps.<name>.
func (r *run) isMapsCall(call *ast.CallExpr, name string) bool {
	fn := r.callee(call)
	return fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "maps" && fn.Name() == name
}

// isNil reports whether e is the predeclared nil.
func (r *run) isNil(e ast.Expr) bool {
	tv, ok := r.Info.Types[ast.Unparen(e)]
	return ok && tv.IsNil()
}

// isEmpty reports whether e makes an empty map or is nil: make(T),
// make(T, n), T{}, nil.
func (r *run) isEmpty(e ast.Expr) bool {
	e = ast.Unparen(e)
	if r.isNil(e) {
		return true
	}
	switch e := e.(type) {
	case *ast.CallExpr:
		return astutil.Builtin(r.Info, e) == "make"
	case *ast.CompositeLit:
		return len(e.Elts) == 0
	}
	return false
}

// noReturn reports whether call never returns: panic, os.Exit, log.Fatal
// and its kin, t.Fatal and its kin.
func (r *run) noReturn(call *ast.CallExpr) bool {
	if astutil.Builtin(r.Info, call) == "panic" {
		return true
	}
	fn := r.callee(call)
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	name := fn.Name()
	switch fn.Pkg().Path() {
	case "os":
		return name == "Exit"
	case "runtime":
		return name == "Goexit"
	case "log", "github.com/sirupsen/logrus", "k8s.io/klog", "k8s.io/klog/v2":
		return strings.HasPrefix(name, "Fatal") || strings.HasPrefix(name, "Panic") || name == "Exit"
	case "testing":
		switch name {
		case "Fatal", "Fatalf", "FailNow", "Skip", "Skipf", "SkipNow":
			return true
		}
	}
	return false
}

// nilFields returns the paths to the map fields that a struct value made
// by e is left without (each a list of fields from the struct down), and
// the struct type; ok is false when e makes no struct this way. It
// recognises T{...} with keyed or no elements, &T{...}, new(T), and, with
// e nil and t set, the zero value of t (var x T).
func (r *run) nilFields(e ast.Expr, t types.Type) (paths [][]*types.Var, ok bool) {
	var lit *ast.CompositeLit
	if e != nil {
		e = ast.Unparen(e)
		if u, isU := e.(*ast.UnaryExpr); isU && u.Op == token.AND {
			e = ast.Unparen(u.X)
			if l, isLit := e.(*ast.CompositeLit); isLit {
				lit = l
			} else {
				return nil, false
			}
		} else if l, isLit := e.(*ast.CompositeLit); isLit {
			lit = l
		} else if call, isCall := e.(*ast.CallExpr); isCall && astutil.Builtin(r.Info, call) == "new" && len(call.Args) == 1 {
			tv, ok := r.Info.Types[call.Args[0]]
			if !ok || !tv.IsType() {
				return nil, false
			}
			t = tv.Type
		} else {
			return nil, false
		}
		if lit != nil {
			t = r.Info.TypeOf(lit)
		}
	}
	if t == nil {
		return nil, false
	}
	if _, ok := types.Unalias(t).(*types.TypeParam); ok {
		return nil, false
	}
	st, isStruct := types.Unalias(t).Underlying().(*types.Struct)
	if !isStruct {
		return nil, false
	}
	return r.structNils(st, lit, nil, 0), true
}

func (r *run) structNils(st *types.Struct, lit *ast.CompositeLit, prefix []*types.Var, depth int) [][]*types.Var {
	if depth > 3 {
		return nil
	}
	given := map[*types.Var]ast.Expr{}
	if lit != nil {
		for i, el := range lit.Elts {
			kv, ok := el.(*ast.KeyValueExpr)
			if !ok {
				// Positional: every field is given.
				if i < st.NumFields() {
					given[st.Field(i)] = el
				}
				continue
			}
			if id, ok := kv.Key.(*ast.Ident); ok {
				if f, ok := r.Info.Uses[id].(*types.Var); ok {
					given[f] = kv.Value
				}
			}
		}
	}
	var out [][]*types.Var
	for i := range st.NumFields() {
		f := st.Field(i)
		if !f.Exported() && f.Pkg() != r.Pkg {
			continue // nothing in this package can write it
		}
		path := append(prefix[:len(prefix):len(prefix)], f)
		v, isGiven := given[f]
		switch u := types.Unalias(f.Type()).(type) {
		case *types.TypeParam:
			continue
		default:
			switch u.Underlying().(type) {
			case *types.Map:
				if !isGiven || r.isNil(v) {
					out = append(out, path)
				}
			case *types.Struct:
				inner := u.Underlying().(*types.Struct)
				if !isGiven {
					out = append(out, r.structNils(inner, nil, path, depth+1)...)
				} else if l, ok := ast.Unparen(v).(*ast.CompositeLit); ok {
					out = append(out, r.structNils(inner, l, path, depth+1)...)
				}
			}
		}
	}
	return out
}
