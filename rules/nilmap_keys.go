package rules

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
	"strings"
)

// Keys name the locations that nilmap reasons about (m, s.f, M[a], M[a][b])
// without evaluating anything: two expressions get the same key when they
// denote the same location as long as none of the variables they mention is
// assigned. Identifiers are replaced by the identity of their objects, so
// shadowing cannot confuse two locations, and promoted fields are spelled
// out, so s.f and s.Embedded.f meet.

// objID returns a short, stable name for obj within this run.
func (r *nmRun) objID(obj types.Object) string {
	id, ok := r.ids[obj]
	if !ok {
		id = strconv.Itoa(len(r.ids))
		r.ids[obj] = id
	}
	return id
}

// chainKey is the key of the location a chain names.
func (r *nmRun) chainKey(c chain) string {
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
func (r *nmRun) key(e ast.Expr) (string, bool) {
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
		if c := r.chainOf(e); c != nil {
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
		fields := fieldPath(sel)
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
		switch t := coreType(r.Info.TypeOf(e.X)).(type) {
		case *types.Map, *types.Slice, *types.Array, *types.Basic:
		case *types.Pointer:
			if _, ok := coreType(t.Elem()).(*types.Array); !ok {
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
		if b := r.builtin(e); b == "len" || b == "cap" {
			x, ok := r.key(e.Args[0])
			return b + "(" + x + ")", ok
		}
	case *ast.CompositeLit:
		t := r.Info.TypeOf(e)
		switch coreType(t).(type) {
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
func (r *nmRun) isMapElem(e ast.Expr) bool {
	ix, ok := ast.Unparen(e).(*ast.IndexExpr)
	if !ok {
		return false
	}
	_, ok = coreType(r.elemType(ix)).(*types.Map)
	return ok
}

// elemType returns the element type of the map that ix indexes, or nil.
// (The type recorded for ix itself is a tuple in v, ok := M[k].)
func (r *nmRun) elemType(ix *ast.IndexExpr) types.Type {
	if tv, ok := r.Info.Types[ix.X]; !ok || !tv.IsValue() {
		return nil
	}
	if m, ok := coreType(r.Info.TypeOf(ix.X)).(*types.Map); ok {
		return m.Elem()
	}
	return nil
}

// isMap reports whether e is a map value.
func (r *nmRun) isMap(e ast.Expr) bool {
	if tv, ok := r.Info.Types[e]; !ok || !tv.IsValue() {
		return false
	}
	_, ok := coreType(r.Info.TypeOf(e)).(*types.Map)
	return ok
}

// mapWrite returns the map that an assignment to lhs writes into, or nil:
// M for M[k] = v.
func (r *nmRun) mapWrite(lhs ast.Expr) ast.Expr {
	ix, ok := ast.Unparen(lhs).(*ast.IndexExpr)
	if !ok || !r.isMap(ix.X) {
		return nil
	}
	return ast.Unparen(ix.X)
}

// levels returns the map elements that must be non-nil for a write into
// the map e to succeed, outermost first: M[a] and M[a][b] for
// e = M[a][b]. It is empty when e is not an element of a map.
func (r *nmRun) levels(e ast.Expr) []*ast.IndexExpr {
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
type nmIdent struct {
	obj   types.Object
	depth int
}

// mapRoot strips the map index levels off e: m[a][b] gives m and 2.
func (r *nmRun) mapRoot(e ast.Expr) (ast.Expr, int) {
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

func (r *nmRun) identOf(e ast.Expr) (nmIdent, bool) {
	e, depth := r.mapRoot(e)
	switch e := e.(type) {
	case *ast.Ident:
		if v, ok := r.Info.Uses[e].(*types.Var); ok {
			return nmIdent{v, depth}, true
		}
		if v, ok := r.Info.Defs[e].(*types.Var); ok {
			return nmIdent{v, depth}, true
		}
	case *ast.SelectorExpr:
		if sel, ok := r.Info.Selections[e]; ok {
			if sel.Kind() == types.FieldVal {
				return nmIdent{sel.Obj(), depth}, true
			}
			return nmIdent{}, false
		}
		if v, ok := r.Info.Uses[e.Sel].(*types.Var); ok {
			return nmIdent{v, depth}, true
		}
	}
	return nmIdent{}, false
}

// How an expression that denotes a map (or a struct that holds one) is
// used, as far as its nil-ness goes.
type nmUse int

const (
	nmIndexed  nmUse = iota // m[k], read or written
	nmSafe                  // len, cap, delete, clear, range, maps.Copy, printing: nil and empty behave alike
	nmNilCmp                // m == nil, m != nil
	nmAssigned              // m = v: the location itself is replaced
	nmAddr                  // &m, a method with a pointer receiver: may be changed later, out of sight
	nmMethod                // a method call: may store into the map
	nmReturn                // return m
	nmStore                 // stored into another location: assigned from, appended, sent, put in a literal
	nmCall                  // passed to a function
	nmOther                 // anything else that takes its value
)

// useOf classifies how e is used, given its ancestors (the last is its
// parent).
func (r *nmRun) useOf(e ast.Expr, parents []ast.Node) nmUse {
	i := len(parents) - 1
	for i >= 0 {
		if _, ok := parents[i].(*ast.ParenExpr); !ok {
			break
		}
		e = parents[i].(*ast.ParenExpr)
		i--
	}
	if i < 0 {
		return nmOther
	}
	switch p := parents[i].(type) {
	case *ast.IndexExpr:
		if p.X == e {
			return nmIndexed
		}
	case *ast.SelectorExpr:
		if p.X == e {
			sel, ok := r.Info.Selections[p]
			if ok && sel.Kind() == types.FieldVal {
				return nmOther // a field of a struct value; callers climb through these
			}
			if ok && r.nmPtrMethod(p) {
				return nmAddr
			}
			return nmMethod
		}
	case *ast.CallExpr:
		if p.Fun == e {
			return nmOther
		}
		switch r.builtin(p) {
		case "len", "cap", "delete", "clear":
			return nmSafe
		case "append":
			if len(p.Args) > 0 && p.Args[0] != e {
				return nmStore
			}
			return nmOther
		case "":
		default:
			return nmOther
		}
		if fn := r.callee(p); fn != nil && fn.Pkg() != nil {
			switch fn.Pkg().Path() {
			case "maps":
				switch fn.Name() {
				case "Copy", "Keys", "Values", "All", "Equal", "EqualFunc", "DeleteFunc":
					return nmSafe
				}
			case "fmt":
				switch fn.Name() {
				case "Print", "Println", "Sprint", "Sprintln", "Fprint", "Fprintln":
					return nmSafe
				case "Printf", "Sprintf", "Fprintf", "Errorf":
					// %#v tells nil from empty; %v and the others do not.
					fi := 0
					if fn.Name() == "Fprintf" {
						fi = 1
					}
					if fi < len(p.Args) && p.Args[fi] != e {
						tv, ok := r.Info.Types[p.Args[fi]]
						if ok && tv.Value != nil && tv.Value.Kind() == constant.String && !strings.Contains(constant.StringVal(tv.Value), "#") {
							return nmSafe
						}
					}
				}
			}
		}
		return nmCall
	case *ast.RangeStmt:
		if p.X == e {
			return nmSafe
		}
		return nmAssigned
	case *ast.BinaryExpr:
		if p.Op == token.EQL || p.Op == token.NEQ {
			other := p.Y
			if other == e {
				other = p.X
			}
			if r.isNil(other) {
				return nmNilCmp
			}
		}
	case *ast.UnaryExpr:
		if p.Op == token.AND {
			return nmAddr
		}
	case *ast.AssignStmt:
		for _, l := range p.Lhs {
			if l == e {
				return nmAssigned
			}
		}
		return nmStore
	case *ast.IncDecStmt:
		return nmAssigned
	case *ast.ValueSpec:
		for _, n := range p.Names {
			if n == e {
				return nmAssigned
			}
		}
		return nmStore
	case *ast.ReturnStmt:
		return nmReturn
	case *ast.CompositeLit, *ast.SendStmt:
		return nmStore
	case *ast.KeyValueExpr:
		if p.Value == e {
			return nmStore
		}
	}
	return nmOther
}

// nmPtrMethod reports whether sel selects a method with a pointer receiver.
func (r *nmRun) nmPtrMethod(sel *ast.SelectorExpr) bool {
	ptrRecv, _ := r.methodPointers(sel)
	return ptrRecv
}

// callee returns the function or method that call calls, or nil.
func (r *nmRun) callee(call *ast.CallExpr) *types.Func {
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
func (r *nmRun) isMapsCall(call *ast.CallExpr, name string) bool {
	fn := r.callee(call)
	return fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "maps" && fn.Name() == name
}

// isNil reports whether e is the predeclared nil.
func (r *nmRun) isNil(e ast.Expr) bool {
	tv, ok := r.Info.Types[ast.Unparen(e)]
	return ok && tv.IsNil()
}

// isEmpty reports whether e makes an empty map or is nil: make(T),
// make(T, n), T{}, nil.
func (r *nmRun) isEmpty(e ast.Expr) bool {
	e = ast.Unparen(e)
	if r.isNil(e) {
		return true
	}
	switch e := e.(type) {
	case *ast.CallExpr:
		return r.builtin(e) == "make"
	case *ast.CompositeLit:
		return len(e.Elts) == 0
	}
	return false
}

// noReturn reports whether call never returns: panic, os.Exit, log.Fatal
// and its kin, t.Fatal and its kin.
func (r *nmRun) noReturn(call *ast.CallExpr) bool {
	if r.builtin(call) == "panic" {
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
func (r *nmRun) nilFields(e ast.Expr, t types.Type) (paths [][]*types.Var, ok bool) {
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
		} else if call, isCall := e.(*ast.CallExpr); isCall && r.builtin(call) == "new" && len(call.Args) == 1 {
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

func (r *nmRun) structNils(st *types.Struct, lit *ast.CompositeLit, prefix []*types.Var, depth int) [][]*types.Var {
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
