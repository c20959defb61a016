package astutil

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"

	"github.com/dave/dst"
)

// A chain names a storage location without evaluating anything: a variable
// followed by zero or more field selections (m, c.byName, pkg.Var, a.b.c).
// Promoted fields are spelled out, so that c.f and c.Embedded.f compare
// equal. Two chains can affect each other when one is a prefix of the other.
type Chain []types.Object

// chainOf returns the chain that e denotes, or nil if e is anything else.
func ChainOf(info *types.Info, e ast.Expr) Chain {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if v, ok := info.ObjectOf(e).(*types.Var); ok && e.Name != "_" {
			return Chain{v}
		}
	case *ast.SelectorExpr:
		sel, ok := info.Selections[e]
		if !ok {
			if v, ok := info.Uses[e.Sel].(*types.Var); ok {
				return Chain{v} // a qualified identifier, pkg.Var
			}
			return nil
		}
		if sel.Kind() != types.FieldVal {
			return nil
		}
		base := ChainOf(info, e.X)
		if base == nil {
			return nil
		}
		fields := FieldPath(sel)
		if fields == nil {
			return nil
		}
		return append(base[:len(base):len(base)], fields...)
	}
	return nil
}

// fieldPath returns the fields that a field selection goes through,
// embedded ones included.
func FieldPath(sel *types.Selection) []types.Object {
	var out []types.Object
	t := sel.Recv()
	for _, i := range sel.Index() {
		if ptr, ok := types.Unalias(t).Underlying().(*types.Pointer); ok {
			t = ptr.Elem()
		}
		st, ok := CoreType(t).(*types.Struct)
		if !ok || i >= st.NumFields() {
			return nil
		}
		f := st.Field(i)
		out = append(out, f)
		t = f.Type()
	}
	return out
}

func (c Chain) Equal(d Chain) bool {
	return len(c) == len(d) && c.Overlaps(d)
}

// overlaps reports whether one chain is a prefix of the other: writing
// either may change what the other denotes.
func (c Chain) Overlaps(d Chain) bool {
	n := min(len(c), len(d))
	if n == 0 {
		return false
	}
	for i := range n {
		if c[i] != d[i] {
			return false
		}
	}
	return true
}

func OverlapsAny(c Chain, ds []Chain) bool {
	for _, d := range ds {
		if c.Overlaps(d) {
			return true
		}
	}
	return false
}

// refChains returns the chains that n mentions, each as long as it is
// written: for a[i].f that is a and i, for c.mu.Lock() it is c.mu.
func RefChains(info *types.Info, n ast.Node) []Chain {
	var out []Chain
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			if c := ChainOf(info, n); c != nil {
				out = append(out, c)
			}
		case *ast.SelectorExpr:
			if c := ChainOf(info, n); c != nil {
				out = append(out, c)
				return false
			}
			// A method, or a field of something that is not a chain: the
			// selected name is not a variable of its own.
			ast.Inspect(n.X, visit)
			return false
		}
		return true
	}
	ast.Inspect(n, visit)
	return out
}

// mentions reports whether n refers to a location that overlaps one of cs.
func Mentions(info *types.Info, n ast.Node, cs []Chain) bool {
	for _, c := range RefChains(info, n) {
		if OverlapsAny(c, cs) {
			return true
		}
	}
	return false
}

// writtenChain returns the chain of the variable that a write to e changes,
// erring on the side of a shorter chain: s[i] = v changes s, *p = v and
// p.f[k] = v change p.
func WrittenChain(info *types.Info, e ast.Expr) Chain {
	for {
		e = ast.Unparen(e)
		if c := ChainOf(info, e); c != nil {
			return c
		}
		switch x := e.(type) {
		case *ast.SelectorExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		default:
			return nil
		}
	}
}

// writeSites calls f with every expression that n may change in place:
// left-hand sides of assignments, operands of ++ and --, range variables
// assigned with =, operands of &, receivers of pointer methods called on
// addressable values, and the first argument of delete, clear and copy.
func WriteSites(info *types.Info, n ast.Node, f func(ast.Expr)) {
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				f(l)
			}
		case *ast.IncDecStmt:
			f(n.X)
		case *ast.RangeStmt:
			if n.Tok == token.ASSIGN {
				if n.Key != nil {
					f(n.Key)
				}
				if n.Value != nil {
					f(n.Value)
				}
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				f(n.X)
			}
		case *ast.SelectorExpr:
			if PtrMethodOnValue(info, n) {
				f(n.X)
			}
		case *ast.CallExpr:
			if b := Builtin(info, n); (b == "delete" || b == "clear" || b == "copy") && len(n.Args) > 0 {
				f(n.Args[0])
			}
		}
		return true
	})
}

// writesTo reports whether n may change a location that overlaps one of cs.
func WritesTo(info *types.Info, n ast.Node, cs []Chain) bool {
	found := false
	WriteSites(info, n, func(e ast.Expr) {
		if c := WrittenChain(info, e); c != nil && OverlapsAny(c, cs) {
			found = true
		}
	})
	return found
}

// builtin returns the name of the builtin function that call calls, or "".
// isConversion reports a call that converts to a type: T(x).
func IsConversion(info *types.Info, call *ast.CallExpr) bool {
	tv, ok := info.Types[call.Fun]
	return ok && tv.IsType()
}

func Builtin(info *types.Info, call *ast.CallExpr) string {
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := info.Uses[id].(*types.Builtin); ok {
			return b.Name()
		}
	}
	return ""
}

// pureBuiltins cannot change any variable, nor synchronize with another
// goroutine that could.
var pureBuiltins = map[string]bool{
	"len": true, "cap": true, "append": true, "make": true, "new": true,
	"min": true, "max": true, "complex": true, "real": true, "imag": true,
	"panic": true, "print": true, "println": true,
}

// mayChangeOthers reports whether running n may change variables it does
// not name: it calls a function, or communicates on a channel.
func MayChangeOthers(info *types.Info, n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // defining a closure runs nothing; calling it does
		case *ast.CallExpr:
			if IsConversion(info, n) {
				return true
			}
			if !pureBuiltins[Builtin(info, n)] {
				found = true
			}
		case *ast.SendStmt, *ast.SelectStmt, *ast.GoStmt:
			found = true
		case *ast.UnaryExpr:
			if n.Op == token.ARROW {
				found = true
			}
		case *ast.RangeStmt:
			if _, ok := CoreType(info.TypeOf(n.X)).(*types.Chan); ok {
				found = true
			}
		}
		return !found
	})
	return found
}

// pure reports whether e can be evaluated twice, or earlier, without side
// effects: constants, variables, field selections, index expressions and
// dereferences of those, and, when allowLen is set, len of one of those.
func Pure(info *types.Info, e ast.Expr, allowLen bool) bool {
	if tv, ok := info.Types[e]; ok && tv.Value != nil {
		return true
	}
	switch e := e.(type) {
	case *ast.Ident:
		_, ok := info.Uses[e].(*types.Var)
		return ok
	case *ast.ParenExpr:
		return Pure(info, e.X, allowLen)
	case *ast.SelectorExpr:
		if sel, ok := info.Selections[e]; ok {
			return sel.Kind() == types.FieldVal && Pure(info, e.X, false)
		}
		_, ok := info.Uses[e.Sel].(*types.Var)
		return ok
	case *ast.IndexExpr:
		if tv, ok := info.Types[e.X]; !ok || !tv.IsValue() {
			return false // an instantiation
		}
		switch t := CoreType(info.TypeOf(e.X)).(type) {
		case *types.Slice, *types.Array, *types.Map:
		case *types.Pointer:
			if _, ok := CoreType(t.Elem()).(*types.Array); !ok {
				return false
			}
		default:
			return false
		}
		return Pure(info, e.X, false) && Pure(info, e.Index, false)
	case *ast.StarExpr:
		return Pure(info, e.X, false)
	case *ast.CallExpr:
		return allowLen && Builtin(info, e) == "len" && len(e.Args) == 1 && e.Ellipsis == token.NoPos && Pure(info, e.Args[0], false)
	}
	return false
}

// mayPanic reports whether evaluating the pure expression e may panic: it
// dereferences a pointer or indexes something other than a map.
func MayPanic(info *types.Info, e ast.Expr) bool {
	if tv, ok := info.Types[e]; ok && tv.Value != nil {
		return false
	}
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.StarExpr:
			found = true
		case *ast.IndexExpr:
			if _, ok := CoreType(info.TypeOf(n.X)).(*types.Map); !ok {
				found = true
			}
		case *ast.SelectorExpr:
			if sel, ok := info.Selections[n]; ok && sel.Indirect() {
				found = true
			}
		case *ast.CallExpr:
			// len of an array or array pointer is a constant and evaluates
			// nothing; that case returned above.
		}
		return !found
	})
	return found
}

// visibleAt reports whether every name in e means, at pos in scope, what it
// means where e is written.
func VisibleAt(info *types.Info, e ast.Expr, scope *types.Scope, pos token.Pos) bool {
	ok := true
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			obj := info.Uses[n]
			if obj == nil {
				ok = false
				break
			}
			if _, got := scope.LookupParent(n.Name, pos); got != obj {
				ok = false
			}
		case *ast.SelectorExpr:
			if _, isSel := info.Selections[n]; isSel {
				ast.Inspect(n.X, visit)
			} else {
				visit(n.X) // pkg of pkg.Name; Name is resolved in pkg
			}
			return false
		}
		return ok
	}
	ast.Inspect(e, visit)
	return ok
}

// isUniverse reports whether name, at pos in scope, still means the
// predeclared identifier.
func IsUniverse(scope *types.Scope, pos token.Pos, name string) bool {
	s, obj := scope.LookupParent(name, pos)
	return obj != nil && s == types.Universe
}

// coreType returns the underlying type of t or, for a type parameter whose
// constraint allows a single underlying type (such as ~[]E), that type; nil
// when there is none.
func CoreType(t types.Type) types.Type {
	if t == nil {
		return nil
	}
	t = types.Unalias(t)
	tp, ok := t.(*types.TypeParam)
	if !ok {
		return t.Underlying()
	}
	iface, ok := tp.Constraint().Underlying().(*types.Interface)
	if !ok || iface.NumEmbeddeds() != 1 {
		return nil
	}
	emb := iface.EmbeddedType(0)
	u, ok := emb.(*types.Union)
	if !ok {
		if _, isIface := emb.Underlying().(*types.Interface); isIface {
			return nil
		}
		return emb.Underlying()
	}
	var core types.Type
	for i := range u.Len() {
		ut := u.Term(i).Type().Underlying()
		if core != nil && !types.Identical(core, ut) {
			return nil
		}
		core = ut
	}
	if _, isIface := core.(*types.Interface); isIface {
		return nil
	}
	return core
}

// stripDecs removes every decoration (comments, line breaks) from n and the
// nodes below it, so that a clone does not repeat comments of the original.
func StripDecs(n dst.Node) {
	dst.Inspect(n, func(n dst.Node) bool {
		if n == nil {
			return false
		}
		if v := reflect.ValueOf(n); v.Kind() == reflect.Pointer && !v.IsNil() {
			if d := v.Elem().FieldByName("Decs"); d.IsValid() && d.CanSet() {
				d.SetZero()
			}
		}
		return true
	})
}

// cleanClone returns a copy of n without its decorations.
func CleanClone(n dst.Node) dst.Node {
	c := dst.Clone(n)
	StripDecs(c)
	return c
}

// stmtList returns the statement list that a block, case clause or select
// clause holds, or nil.
func StmtList(n dst.Node) *[]dst.Stmt {
	switch n := n.(type) {
	case *dst.BlockStmt:
		return &n.List
	case *dst.CaseClause:
		return &n.Body
	case *dst.CommClause:
		return &n.Body
	}
	return nil
}

// Stmts returns the statement list n holds: a block's, or a case or
// select clause's body; nil for any other node.
func Stmts(n ast.Node) []ast.Stmt {
	switch n := n.(type) {
	case *ast.BlockStmt:
		return n.List
	case *ast.CaseClause:
		return n.Body
	case *ast.CommClause:
		return n.Body
	}
	return nil
}

// unlabel returns the statement that s labels, or s: "done: mu.Lock()" is
// a lock call like any other.
func Unlabel(s ast.Stmt) ast.Stmt {
	for {
		l, ok := s.(*ast.LabeledStmt)
		if !ok {
			return s
		}
		s = l.Stmt
	}
}

// FuncBody returns the body of a function declaration or literal, or nil.
func FuncBody(fn ast.Node) *ast.BlockStmt {
	switch f := fn.(type) {
	case *ast.FuncDecl:
		return f.Body
	case *ast.FuncLit:
		return f.Body
	}
	return nil
}

// FuncType returns the signature of a function declaration or literal, or
// nil.
func FuncType(fn ast.Node) *ast.FuncType {
	switch f := fn.(type) {
	case *ast.FuncDecl:
		return f.Type
	case *ast.FuncLit:
		return f.Type
	}
	return nil
}

// ptrMethodOnValue reports whether sel is a pointer method selected on an
// addressable value, which takes the value's address.
func PtrMethodOnValue(info *types.Info, sel *ast.SelectorExpr) bool {
	ptrRecv, ptrBase := MethodPointers(info, sel)
	return ptrRecv && !ptrBase
}

// methodPointers reports, for a method value sel, whether the method has a
// pointer receiver and whether it is selected on a pointer.
func MethodPointers(info *types.Info, sel *ast.SelectorExpr) (ptrRecv, ptrBase bool) {
	s, ok := info.Selections[sel]
	if !ok || s.Kind() != types.MethodVal {
		return false, false
	}
	sig, ok := s.Obj().Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return false, false
	}
	_, ptrRecv = types.Unalias(sig.Recv().Type()).(*types.Pointer)
	_, ptrBase = types.Unalias(s.Recv()).Underlying().(*types.Pointer)
	return ptrRecv, ptrBase
}
