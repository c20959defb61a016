package growth

import (
	"go/ast"
	"go/token"
	"go/types"
	"regexp"
	"strings"

	"github.com/mapfix/mapfix/rules/internal/astutil"
	"github.com/mapfix/mapfix/rules/internal/callees"
)

type kind int

const (
	request  kind = iota // an HTTP handler
	event                // a goroutine's loop
	callback             // a function another package calls back
)

// An entry is code that runs once per request or event.
type entry struct {
	kind kind
	lit  *ast.FuncLit  // the function, when it is a literal
	decl *ast.FuncDecl // or when it is declared
	// What of the function's context is long-lived: the receiver of decl,
	// its (or lit's) parameters, the variables lit captures.
	recvLong, argsLong, captured bool
	taintParams                  bool // the parameters are the request or event
	loops                        bool // only its for loops run per event
	// perEvent is the endless loop of the spawner that starts this
	// goroutine once per iteration: what it takes from the iteration is
	// the event.
	perEvent ast.Node
	spawn    *ast.GoStmt // the go statement that starts it
}

func (e *entry) fn() ast.Node {
	if e.lit != nil {
		return e.lit
	}
	return e.decl
}

func (e *entry) per() string {
	if e.kind == request {
		return "request"
	}
	return "event"
}

func (e *entry) litDesc() string {
	switch e.kind {
	case request:
		return "the handler registered"
	case event:
		return "the goroutine started"
	}
	return "the callback registered"
}

// serveHTTP records a serving method as a handler: ServeHTTP, and the
// other methods named Serve<Protocol> that take what they serve (ServeDNS,
// a ServeHTTP with a next handler). Their receiver is the server, which
// lives as long as it serves.
func (r *run) serveHTTP(fd *ast.FuncDecl) {
	if fd.Body == nil || fd.Type.Params.NumFields() == 0 {
		return
	}
	if fd.Recv != nil && servesName(fd.Name.Name) || r.handlerShaped(fd) {
		r.entries = append(r.entries, &entry{kind: request, decl: fd, recvLong: fd.Recv != nil, taintParams: true})
	}
}

// handlerShaped reports a function that takes what only a handler gets:
// an http.ResponseWriter and an *http.Request, or the request context of a
// web framework (gin, echo, fiber) first. Such code runs per request
// wherever it is registered, in this package or another.
func (r *run) handlerShaped(fd *ast.FuncDecl) bool {
	fn, ok := r.Info.Defs[fd.Name].(*types.Func)
	if !ok {
		return false
	}
	params := fn.Type().(*types.Signature).Params()
	writer, req := false, false
	for i := range params.Len() {
		switch t := types.TypeString(params.At(i).Type(), nil); {
		case t == "net/http.ResponseWriter":
			writer = true
		case t == "*net/http.Request":
			req = true
		case i == 0 && frameworkContext(t):
			return true
		}
	}
	return writer && req
}

// frameworkContext reports the request context of a web framework.
func frameworkContext(t string) bool {
	switch t {
	case "*github.com/gin-gonic/gin.Context",
		"github.com/labstack/echo.Context", "github.com/labstack/echo/v4.Context",
		"*github.com/gofiber/fiber/v2.Ctx", "github.com/gofiber/fiber/v3.Ctx":
		return true
	}
	return false
}

// servesName reports Serve followed by an upper-case name: ServeHTTP,
// ServeDNS, ServeConn.
func servesName(name string) bool {
	rest, ok := strings.CutPrefix(name, "Serve")
	return ok && rest != "" && rest[0] >= 'A' && rest[0] <= 'Z'
}

// funcTarget returns the function that e denotes: a literal, a declared
// function of the package, or a method value with its receiver.
func (r *run) funcTarget(e ast.Expr) (*ast.FuncLit, *ast.FuncDecl, ast.Expr) {
	switch e := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		return e, nil, nil
	case *ast.Ident:
		if fn, ok := r.Info.Uses[e].(*types.Func); ok {
			return nil, r.decls[fn.Origin()], nil
		}
	case *ast.SelectorExpr:
		if s, ok := r.Info.Selections[e]; ok {
			if s.Kind() == types.MethodVal {
				if fn, ok := s.Obj().(*types.Func); ok && r.decls[fn.Origin()] != nil {
					return nil, r.decls[fn.Origin()], e.X
				}
			}
			return nil, nil, nil
		}
		if fn, ok := r.Info.Uses[e.Sel].(*types.Func); ok {
			return nil, r.decls[fn.Origin()], nil
		}
	}
	return nil, nil, nil
}

// goEntry records a function started with go: its for loops run per event.
// When the spawner waits for it, it is a batch worker and what it shares
// with the spawner lives no longer than the spawner's call.
func (r *run) goEntry(gs *ast.GoStmt, stack []ast.Node) {
	lit, decl, recv := r.funcTarget(gs.Call.Fun)
	if lit == nil && (decl == nil || decl.Body == nil) {
		return
	}
	long := !r.joins(enclosingFunc(stack[:len(stack)-1]), gs)
	// A batch worker's loops run per item of one call, not per event of
	// the process's life: only a goroutine nothing waits for has loops
	// that run per event.
	e := &entry{kind: event, lit: lit, decl: decl, loops: long, spawn: gs,
		recvLong: long && recv != nil, argsLong: long, captured: long}
	if loop := endlessLoop(stack); loop != nil {
		// A goroutine per accepted connection or received message: all of
		// it runs per event, and its arguments are the event.
		e.loops, e.taintParams, e.perEvent = false, true, loop
	}
	r.entries = append(r.entries, e)
}

// endlessLoop returns the innermost loop around the statement at the end
// of stack, in its function, when it is a for without a condition.
func endlessLoop(stack []ast.Node) ast.Node {
	for i := len(stack) - 2; i >= 0; i-- {
		switch n := stack[i].(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return nil
		case *ast.RangeStmt:
			return nil
		case *ast.ForStmt:
			if n.Cond == nil {
				return n
			}
			return nil
		}
	}
	return nil
}

// joins reports whether the spawner waits for the goroutine that gs
// starts: a Wait() call, or a receive from (or range over) a channel the
// spawner made, after gs. main never counts as waiting: what it holds
// lives as long as the process.
func (r *run) joins(spawner ast.Node, gs *ast.GoStmt) bool {
	if fd, ok := spawner.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Name.Name == "main" && r.Pkg.Name() == "main" {
		return false
	}
	body := astutil.FuncBody(spawner)
	if body == nil {
		return false
	}
	local := func(x ast.Expr) bool {
		id, ok := ast.Unparen(x).(*ast.Ident)
		if !ok {
			return false
		}
		v, ok := r.Info.Uses[id].(*types.Var)
		return ok && spawner.Pos() <= v.Pos() && v.Pos() < spawner.End()
	}
	joined := false
	ast.Inspect(body, func(n ast.Node) bool {
		if joined || n == nil {
			return false
		}
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		if n.Pos() < gs.End() && n.End() <= gs.End() {
			return n.End() > gs.Pos() // only what contains gs is worth entering before it
		}
		switch n := n.(type) {
		case *ast.CallExpr:
			if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Wait" && len(n.Args) == 0 {
				joined = true
			}
		case *ast.UnaryExpr:
			if n.Op == token.ARROW && local(n.X) {
				joined = true
			}
		case *ast.RangeStmt:
			if _, ok := astutil.CoreType(r.Info.TypeOf(n.X)).(*types.Chan); ok && local(n.X) {
				joined = true
			}
		}
		return true
	})
	return joined
}

// registers matches the names of functions that keep a callback to call it
// later, once per event.
// A plain Register (plugin.Register(name, setup)) takes a setup function,
// which runs once per configuration, not per event.
var registers = regexp.MustCompile(`^(Handle|Subscribe|QueueSubscribe|On[A-Z]|On$|(Add|Set|Register)\w*(Handler|Listener|Hook|Callback|Func)$|Watch|Listen|Notify|(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS|Any)$)`)

// registration records the handlers and callbacks that call c registers:
// http.HandlerFunc(f); any function passed as a func(http.ResponseWriter,
// *http.Request); a function passed to another package's registration.
func (r *run) registration(c *ast.CallExpr, stack []ast.Node) {
	if callees.IsHandlerFuncConv(r.Info, c) && len(c.Args) == 1 {
		r.addCallback(request, c.Args[0])
		return
	}
	var name string
	other := false
	switch f := ast.Unparen(c.Fun).(type) {
	case *ast.SelectorExpr:
		name = f.Sel.Name
		if fn, ok := r.Info.Uses[f.Sel].(*types.Func); ok {
			other = fn.Pkg() != nil && fn.Pkg() != r.Pkg
		}
	case *ast.Ident:
		name = f.Name
	}
	k := callback
	if routes.MatchString(name) {
		k = request
	}
	for _, a := range c.Args {
		t := r.Info.TypeOf(a)
		if t == nil {
			continue
		}
		if callees.IsHandlerSig(t) {
			r.addCallback(request, a)
		} else if other && registers.MatchString(name) {
			r.addCallback(k, a)
		}
	}
	if other && grpcService.MatchString(name) && len(c.Args) == 2 {
		r.service(c.Args[1])
	}
}

// routes matches the registrations of HTTP routers (gin, echo, chi…),
// whose callbacks run per request.
var routes = regexp.MustCompile(`^(Handle\w*|GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS|Any)$`)

// grpcService matches the functions that gRPC generates to register a
// service implementation: pb.RegisterGreeterServer(s, impl).
var grpcService = regexp.MustCompile(`^Register\w+Server$`)

// service records the methods of the service implementation that x is, a
// value of a type of this package, that take a context.Context first: gRPC
// calls them once per request.
func (r *run) service(x ast.Expr) {
	t := r.Info.TypeOf(x)
	if t == nil {
		return
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() != r.Pkg {
		return
	}
	for i := range n.NumMethods() {
		m := n.Method(i)
		sig := m.Type().(*types.Signature)
		fd := r.decls[m.Origin()]
		if fd == nil || fd.Body == nil || !m.Exported() || sig.Params().Len() < 2 ||
			types.TypeString(sig.Params().At(0).Type(), nil) != "context.Context" {
			continue
		}
		r.entries = append(r.entries, &entry{kind: request, decl: fd, recvLong: true, taintParams: true})
	}
}

// noCallbacks are packages whose struct fields hold functions that run
// once, not per event: command-line frameworks.
var noCallbacks = []string{"github.com/spf13/cobra", "github.com/urfave/cli", "flag", "testing"}

// fieldCallbacks records functions stored in fields of another package's
// struct, in a composite literal: http.Server{ConnState: f}.
func (r *run) fieldCallbacks(cl *ast.CompositeLit, stack []ast.Node) {
	t := r.Info.TypeOf(cl)
	if t == nil || !r.otherStruct(t) {
		return
	}
	for _, elt := range cl.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if _, ok := kv.Key.(*ast.Ident); ok {
				r.addCallback(callback, kv.Value)
			}
		}
	}
}

// fieldAssignCallback records srv.ConnState = f, a function stored in a
// field of another package's struct.
func (r *run) fieldAssignCallback(lhs, rhs ast.Expr) {
	sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
	if !ok {
		return
	}
	s, ok := r.Info.Selections[sel]
	if !ok || s.Kind() != types.FieldVal || s.Obj().Pkg() == r.Pkg {
		return
	}
	if !r.otherStruct(s.Recv()) {
		return
	}
	r.addCallback(callback, rhs)
}

func (r *run) otherStruct(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg() == r.Pkg {
		return false
	}
	if _, ok := n.Underlying().(*types.Struct); !ok {
		return false
	}
	path := n.Obj().Pkg().Path()
	for _, p := range noCallbacks {
		if path == p || strings.HasPrefix(path, p+"/") || strings.HasPrefix(path, p+"/v") {
			return false
		}
	}
	return true
}

// addCallback records the function a denotes as an entry of kind k, if it
// takes parameters (the request or event).
func (r *run) addCallback(k kind, a ast.Expr) {
	lit, decl, recv := r.funcTarget(a)
	var ft *ast.FuncType
	switch {
	case lit != nil:
		ft = lit.Type
	case decl != nil && decl.Body != nil:
		ft = decl.Type
	default:
		return
	}
	if ft.Params == nil || ft.Params.NumFields() == 0 {
		return
	}
	r.entries = append(r.entries, &entry{kind: k, lit: lit, decl: decl, recvLong: recv != nil, captured: true, taintParams: true})
}
