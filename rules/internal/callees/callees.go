// Package callees recognises what a call calls, for the rules that need to
// know where code runs: functions and methods of a given package by name,
// and the shapes of net/http handlers.
package callees

import (
	"go/ast"
	"go/types"
)

const (
	httpWriter  = "net/http.ResponseWriter"
	httpRequest = "*net/http.Request"
)

// IsHandlerSig reports a func(http.ResponseWriter, *http.Request).
func IsHandlerSig(t types.Type) bool {
	sig, ok := t.Underlying().(*types.Signature)
	if !ok || sig.Params().Len() != 2 || sig.Results().Len() != 0 {
		return false
	}
	return types.TypeString(sig.Params().At(0).Type(), nil) == httpWriter &&
		types.TypeString(sig.Params().At(1).Type(), nil) == httpRequest
}

// IsHandlerFuncConv reports a conversion to net/http's HandlerFunc:
// http.HandlerFunc(f).
func IsHandlerFuncConv(info *types.Info, c *ast.CallExpr) bool {
	tv, ok := info.Types[c.Fun]
	if !ok || !tv.IsType() {
		return false
	}
	n, ok := types.Unalias(tv.Type).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "net/http" && n.Obj().Name() == "HandlerFunc"
}

// IsMethod reports whether c calls the method name of the type typ (or
// *typ) declared in the package with path pkg.
func IsMethod(info *types.Info, c *ast.CallExpr, pkg, typ, name string) bool {
	sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != name {
		return false
	}
	s, ok := info.Selections[sel]
	if !ok {
		return false
	}
	fn := s.Obj()
	if fn.Pkg() == nil || fn.Pkg().Path() != pkg {
		return false
	}
	recv := fn.Type().(*types.Signature).Recv()
	if recv == nil {
		return false
	}
	t := recv.Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := t.(*types.Named)
	return ok && n.Obj().Name() == typ
}

// IsFunc reports whether c calls the function name (not a method) of the
// package with path pkg.
func IsFunc(info *types.Info, c *ast.CallExpr, pkg, name string) bool {
	var id *ast.Ident
	switch f := ast.Unparen(c.Fun).(type) {
	case *ast.SelectorExpr:
		id = f.Sel
	case *ast.Ident:
		id = f
	default:
		return false
	}
	fn, ok := info.Uses[id].(*types.Func)
	return ok && fn.Pkg() != nil && fn.Pkg().Path() == pkg && fn.Name() == name &&
		fn.Type().(*types.Signature).Recv() == nil
}
