package nilmap

import (
	"go/ast"
	"go/token"
	"go/types"
)

// Methods of named map types that write into their receiver: a call of
// one is a write into the receiver map, like m[k] = v.

// stdWriters are the methods of other packages' map types that write into
// their receiver every time they are called, each checked in its source:
//
//	net/url.Values.Set, Add             v[key] = ...
//	net/http.Header.Set, Add            textproto.MIMEHeader(h).Set/Add
//	net/textproto.MIMEHeader.Set, Add   h[CanonicalMIMEHeaderKey(key)] = ...
//	google.golang.org/grpc/metadata.MD.Set, Append
//	                                    md[k] = ..., after returning early
//	                                    when no value is given (grpc
//	                                    v1.27 to v1.66): a write only when
//	                                    the call passes a value
//
// Del (delete) and the readers (Get, Values, Has, Encode, Clone, Write)
// are fine on a nil map.
var stdWriters = map[string]bool{
	"net/url.Values.Set":                        true,
	"net/url.Values.Add":                        true,
	"net/http.Header.Set":                       true,
	"net/http.Header.Add":                       true,
	"net/textproto.MIMEHeader.Set":              true,
	"net/textproto.MIMEHeader.Add":              true,
	"google.golang.org/grpc/metadata.MD.Set":    true,
	"google.golang.org/grpc/metadata.MD.Append": true,
}

// writeCall returns the map that call writes into when it calls a method
// that writes into its receiver (q.Set(k, v) for a url.Values q), or nil.
func (r *run) writeCall(call *ast.CallExpr) ast.Expr {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	s, ok := r.Info.Selections[sel]
	if !ok || s.Kind() != types.MethodVal || len(s.Index()) != 1 || !r.isMap(sel.X) {
		return nil
	}
	fn, ok := s.Obj().(*types.Func)
	if !ok {
		return nil
	}
	fn = fn.Origin()
	recv := fn.Signature().Recv()
	if recv == nil || isPointer(recv.Type()) {
		return nil
	}
	named, ok := types.Unalias(recv.Type()).(*types.Named)
	if !ok || fn.Pkg() == nil {
		return nil
	}
	if fn.Pkg() == r.Pkg {
		if r.ownWriter(fn, nil) {
			return ast.Unparen(sel.X)
		}
		return nil
	}
	name := fn.Pkg().Path() + "." + named.Obj().Name() + "." + fn.Name()
	if !stdWriters[name] {
		return nil
	}
	if fn.Pkg().Path() == "google.golang.org/grpc/metadata" && (len(call.Args) < 2 || call.Ellipsis.IsValid()) {
		return nil // no value given, or a slice that may be empty: no write
	}
	return ast.Unparen(sel.X)
}

// ownWriter reports whether fn, a method of a map type of the package
// with a value receiver, writes into its receiver whenever it is called:
// a statement of its body's top level writes recv[k] (=, op=, ++, --) or
// calls such a method on recv, and no statement before it returns,
// branches, or assigns the receiver. maps.Copy into the receiver does not
// count: it writes nothing when its source is empty.
func (r *run) ownWriter(fn *types.Func, seen map[*types.Func]bool) bool {
	if v, ok := r.writers[fn]; ok {
		return v
	}
	if seen[fn] {
		return false
	}
	if seen == nil {
		seen = map[*types.Func]bool{}
	}
	seen[fn] = true
	res := false
	if fd := r.declOf(fn); fd != nil && fd.Body != nil && len(fd.Recv.List) == 1 && len(fd.Recv.List[0].Names) == 1 {
		recv, _ := r.Info.Defs[fd.Recv.List[0].Names[0]].(*types.Var)
		if recv != nil && isMapType(recv.Type()) {
			res = r.bodyWrites(fd.Body.List, recv, seen)
		}
	}
	if r.writers == nil {
		r.writers = map[*types.Func]bool{}
	}
	r.writers[fn] = res
	return res
}

func (r *run) bodyWrites(stmts []ast.Stmt, recv *types.Var, seen map[*types.Func]bool) bool {
	isRecv := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && r.Info.Uses[id] == recv
	}
	intoRecv := func(e ast.Expr) bool {
		ix, ok := ast.Unparen(e).(*ast.IndexExpr)
		return ok && isRecv(ix.X)
	}
	for _, s := range stmts {
		switch s := s.(type) {
		case *ast.AssignStmt:
			for _, l := range s.Lhs {
				if intoRecv(l) {
					return true
				}
			}
		case *ast.IncDecStmt:
			if intoRecv(s.X) {
				return true
			}
		case *ast.ExprStmt:
			if call, ok := ast.Unparen(s.X).(*ast.CallExpr); ok {
				if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && isRecv(sel.X) {
					if r.writeCall(call) != nil {
						return true
					}
				}
				if r.noReturn(call) {
					return false
				}
			}
		}
		if r.mayLeave(s, recv) {
			return false
		}
	}
	return false
}

// mayLeave reports whether s may return, branch, or assign recv (or take
// its address), after which a later write is not certain.
func (r *run) mayLeave(s ast.Stmt, recv *types.Var) bool {
	found := false
	ast.Inspect(s, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt, *ast.BranchStmt:
			found = true
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				if id, ok := ast.Unparen(l).(*ast.Ident); ok && r.Info.ObjectOf(id) == recv {
					found = true
				}
			}
		case *ast.UnaryExpr:
			if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && n.Op == token.AND && r.Info.Uses[id] == recv {
				found = true
			}
		case *ast.CallExpr:
			if r.noReturn(n) {
				found = true
			}
		}
		return !found
	})
	return found
}

// declOf finds the declaration of a function or method of the package.
func (r *run) declOf(fn *types.Func) *ast.FuncDecl {
	for _, f := range r.Files {
		if f.FileStart > fn.Pos() || fn.Pos() >= f.FileEnd {
			continue
		}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && r.Info.Defs[fd.Name] == fn {
				return fd
			}
		}
	}
	return nil
}
