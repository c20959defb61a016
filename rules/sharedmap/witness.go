package sharedmap

import (
	"go/ast"
	"go/types"

	"github.com/mapfix/mapfix/rules/internal/astutil"
)

// Signal 1 reports an access only where the package shows that it can run
// alongside others: in code that runs on a goroutine the package starts or
// a handler it registers, or in an exported method of an exported type (or
// an exported function, for a package variable), which users may call from
// any goroutine at any time (a type or registry that locks promises to be
// safe for concurrent use, and each exported entry point must keep the
// promise). An unexported function that skips the
// lock and runs on no goroutine of the package is most often setup or
// teardown ordered by code out of sight (badger's valueLog.open before
// the writers start, etcd's RaftCluster.SetID during bootstrap, hugo's
// config defaults while loading): reporting it costs more trust than the
// rare race it would catch.

// mayRunConcurrently reports whether access a is in code of the package
// that can run alongside other goroutines by the rule above.
func (r *run) mayRunConcurrently(a *access) bool {
	if r.onGoroutine == nil {
		r.onGoroutine = r.goroutineCode()
	}
	if r.onGoroutine[a.fn] {
		return true
	}
	return a.decl != nil && r.runsInDecl(a.path) && r.api(a.decl, a.loc)
}

// api reports whether users of the package call fd from anywhere: an
// exported method of an exported type, or an exported function that
// accesses the package variable loc.
func (r *run) api(fd *ast.FuncDecl, loc *types.Var) bool {
	if !fd.Name.IsExported() {
		return false
	}
	if fd.Recv == nil {
		return loc.Parent() == r.Pkg.Scope() // a registry's exported functions
	}
	return ast.IsExported(recvTypeName(fd))
}

// goroutineCode returns the functions and function literals that run on a
// goroutine the package starts or a handler it registers: the entries, the
// in-package functions they call, at any depth, and the literals inside.
func (r *run) goroutineCode() map[ast.Node]bool {
	seen := map[ast.Node]bool{}
	var visit func(fn ast.Node)
	visit = func(fn ast.Node) {
		if fn == nil || seen[fn] {
			return
		}
		seen[fn] = true
		body := astutil.FuncBody(fn)
		if body == nil {
			return
		}
		ast.Inspect(body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				visit(n)
			case *ast.CallExpr:
				if fd := r.callee(n); fd != nil {
					visit(fd)
				}
			}
			return true
		})
	}
	for _, e := range r.entries {
		visit(e.fn())
	}
	return seen
}
