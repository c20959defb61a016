package nilmap

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/mapfix/mapfix/rules/internal/astutil"
)

// A function of the package that returns a nil map on a path that is not
// a failure (minio's ParseMetadata returned its named result ctx, never
// made, with a nil error) hands its caller a map that panics at the first
// write. The callee's side is recorded by nilReturns, the caller's by
// callResults: a map variable assigned a result of a function of the
// package is tracked as maybe nil until something assigns it, checks it
// for nil or reads its length, and a write while it may be nil is
// reported when the function has such a return.
//
// Only a result nil by omission counts: a variable or named result that
// no path made, or the result of another such function. An explicit
// return nil is the function's way to say "none" (nil for an invalid
// input, as minio's Checksum.AsMap), which its callers are expected to
// know. A return is a failure, and does not count, when it returns a
// non-nil error as its last result or the constant false as another
// result (the caller checks ok); a naked return is not followed.

// callResults tracks the map variables that s assigns results of a
// function of the package to. A variable that was tracked before (var m
// map[K]V; if … { m = load() }) keeps its own story: the assignment
// assigns it, as any other does.
func (f *funcInfo) callResults(st *state, s *ast.AssignStmt, tracked map[*types.Var]bool) {
	if s.Tok != token.ASSIGN && s.Tok != token.DEFINE || len(s.Rhs) == 0 {
		return
	}
	for i, l := range s.Lhs {
		var call *ast.CallExpr
		index := 0
		switch {
		case len(s.Lhs) == len(s.Rhs):
			call, _ = ast.Unparen(s.Rhs[i]).(*ast.CallExpr)
		case len(s.Rhs) == 1:
			call, _ = ast.Unparen(s.Rhs[0]).(*ast.CallExpr)
			index = i
		}
		if call == nil {
			continue
		}
		fn := f.r.callee(call)
		v := f.localVar(l)
		if fn == nil || v == nil || tracked[v] || fn.Pkg() != f.r.Pkg || !isMapType(v.Type()) || f.captured[v] {
			continue
		}
		o := f.origin(originKey{s, v, "call"}, func() *origin {
			return &origin{kind: kindCall, v: v, stmt: s, pos: call.Pos(), callee: fn.Origin(), result: index}
		})
		c := astutil.Chain{v}
		st.track[f.r.chainKey(c)] = track{stillNil, o, c}
		f.roots[v] = true
	}
}

// nilReturns records, for the function f analyses, the map results that
// a return which is not a failure may leave nil: a tracked variable or
// named result still nil on some path there, or a result of another
// function of the package not checked since (nilVia).
func (f *funcInfo) nilReturns() {
	fd, ok := f.root.(*ast.FuncDecl)
	if !ok || f.test {
		return
	}
	fn, ok := f.r.Info.Defs[fd.Name].(*types.Func)
	if !ok {
		return
	}
	sig := fn.Type().(*types.Signature)
	at := map[ast.Node]int{} // result expressions of the returns that count, by index
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(n.Results) != sig.Results().Len() || f.failure(n) {
				return true
			}
			for i, e := range n.Results {
				if !isMapType(sig.Results().At(i).Type()) {
					continue
				}
				at[ast.Unparen(e)] = i
			}
		}
		return true
	})
	for k, u := range f.uses {
		i, ok := at[k.e]
		if !ok || u.kind != useReturn || u.prefix || u.bits&stillNil == 0 {
			continue
		}
		if k.o.kind == kindCall {
			// Nil only if that function's result may be: decided once
			// every function is seen (nilResult).
			f.r.nilVia[resultOf{fn.Origin(), i}] = append(f.r.nilVia[resultOf{fn.Origin(), i}], resultOf{k.o.callee, k.o.result})
			continue
		}
		f.r.addNilReturn(fn, i, k.e.Pos())
	}
}

// failure reports whether ret is a failed call's return: a non-nil error
// last, or the constant false among the results.
func (f *funcInfo) failure(ret *ast.ReturnStmt) bool {
	if f.errReturn(ret) {
		return true
	}
	for _, e := range ret.Results {
		if tv, ok := f.r.Info.Types[e]; ok && tv.Value != nil && tv.Value.String() == "false" && types.Identical(tv.Type.Underlying(), types.Typ[types.Bool]) {
			return true
		}
	}
	return false
}

func (r *run) addNilReturn(fn *types.Func, i int, pos token.Pos) {
	if r.nilResults == nil {
		r.nilResults = map[resultOf]token.Pos{}
	}
	k := resultOf{fn.Origin(), i}
	if old, ok := r.nilResults[k]; !ok || pos < old {
		r.nilResults[k] = pos
	}
}

// nilResult reports whether result k may be nil on a return that is not a
// failure, directly or by returning another function's result that may
// be, and where.
func (r *run) nilResult(k resultOf, seen map[resultOf]bool) (*types.Func, token.Pos, bool) {
	if pos, ok := r.nilResults[k]; ok {
		return k.fn, pos, true
	}
	if seen[k] {
		return nil, token.NoPos, false
	}
	seen[k] = true
	for _, via := range r.nilVia[k] {
		if fn, pos, ok := r.nilResult(via, seen); ok {
			return fn, pos, true
		}
	}
	return nil, token.NoPos, false
}

// resultOf names a result of a function.
type resultOf struct {
	fn *types.Func
	i  int
}

// emitCall reports the first write into a map variable that holds a
// result of o.callee while it may be nil, when the callee may return nil
// there; the fix makes the map before the write when it is nil.
func (r *run) emitCall(o *origin) {
	from, ret, ok := r.nilResult(resultOf{o.callee, o.result}, map[resultOf]bool{})
	if !ok {
		return
	}
	w := o.first
	what := "a nil map"
	if from != o.callee {
		what = "the nil map of " + from.Name()
	}
	msg := fmt.Sprintf("%s may be nil here: %s returns %s (%s) on a path that is not a failure, and nothing checks it before %s",
		types.ExprString(w.base), o.callee.Name(), what, r.Where(ret), act(w))
	r.emitGuarded(w, o.v.Type(), msg, "")
}

// mapResult reports whether fd returns a map: its returns are looked at
// even when it writes into no map.
func (r *run) mapResult(fd *ast.FuncDecl) bool {
	if fd.Type.Results == nil {
		return false
	}
	for _, fld := range fd.Type.Results.List {
		if isMapType(r.Info.TypeOf(fld.Type)) {
			return true
		}
	}
	return false
}

// decodes reports whether the innermost of parents is &x passed to a
// decoder: a function or method named Unmarshal… or Decode… (json, yaml,
// msgpack, gob, protobuf). A map field of x is then made only when the
// input has it.
func (f *funcInfo) decodes(parents []ast.Node) bool {
	if len(parents) < 2 {
		return false
	}
	u, ok := parents[len(parents)-1].(*ast.UnaryExpr)
	call, isCall := parents[len(parents)-2].(*ast.CallExpr)
	return ok && u.Op == token.AND && isCall && slices.Contains(call.Args, ast.Expr(u)) && f.r.decodeCall(call)
}

// decodeCall reports whether call calls a decoder (see decodes).
func (r *run) decodeCall(call *ast.CallExpr) bool {
	fn := r.callee(call)
	return fn != nil && (strings.HasPrefix(fn.Name(), "Unmarshal") || strings.HasPrefix(fn.Name(), "Decode"))
}
