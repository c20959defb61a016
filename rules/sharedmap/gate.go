package sharedmap

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/mapfix/mapfix/rules/internal/astutil"
)

// A goroutine that touches a map only after receiving from a channel of its
// spawner cannot run alongside what the spawner does before anything can
// be sent on that channel (thanos' deduplicate filter: a collector ranges
// over dupsChan and deletes from metas, while the spawner reads metas
// before it hands the workers their first group; only the workers send on
// dupsChan, and only after receiving a group).

// gatePoint returns, when the goroutine access a of entry e waits for a
// spawner channel that nothing can send on or close before the spawner's
// first send, close or channel hand-off after the go statement, that
// point; else NoPos.
func (r *run) gatePoint(e *entry, a *access) token.Pos {
	if e.lit == nil || e.stmt == nil || e.loop != nil {
		return token.NoPos
	}
	c := r.gate(e.lit, a.node.Pos())
	if c == nil {
		return token.NoPos
	}
	if p := r.releasePoint(e); r.fedAfter(e, c, p, true) {
		return p
	}
	return token.NoPos
}

// gatedBefore reports whether the spawner's access b comes before the gate
// point p (gatePoint), and not in a loop that runs it again after p.
func (r *run) gatedBefore(e *entry, p token.Pos, b *access) bool {
	return p.IsValid() && b.node.Pos() < p && !r.loopAround(e.spawner, b.node.Pos(), p)
}

// loopAround reports a loop of fn, outside its function literals, around
// both positions: its next turn runs x again after y.
func (r *run) loopAround(fn ast.Node, x, y token.Pos) bool {
	found := false
	ast.Inspect(fn, func(n ast.Node) bool {
		if found || n == nil {
			return false
		}
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		if !(n.Pos() <= x && x < n.End()) || !(n.Pos() <= y && y < n.End()) {
			return false
		}
		switch n.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			found = true
		}
		return true
	})
	return found
}

// gate returns the local channel that the statements of lit's body before
// pos receive from: pos is in the body of a top-level range over it, or
// after a top-level receive from it.
func (r *run) gate(lit *ast.FuncLit, pos token.Pos) *types.Var {
	for _, s := range lit.Body.List {
		if pos < s.Pos() {
			break
		}
		if rs, ok := s.(*ast.RangeStmt); ok && rs.Body.Pos() <= pos && pos < rs.Body.End() {
			return r.localChan(rs.X)
		}
		if pos < s.End() {
			break
		}
		if ch := received(s); ch != nil {
			if c := r.localChan(ch); c != nil {
				return c
			}
		}
	}
	return nil
}

func (r *run) localChan(x ast.Expr) *types.Var {
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := r.Info.Uses[id].(*types.Var)
	if !ok || v.Parent() == r.Pkg.Scope() || v.IsField() {
		return nil
	}
	if _, ok := v.Type().Underlying().(*types.Chan); !ok {
		return nil
	}
	return v
}

// releasePoint returns the position of the spawner's first send, close, or
// call given a channel after e's go statement, outside the literals it
// starts as goroutines: before it, nothing the spawner made can be sent.
func (r *run) releasePoint(e *entry) token.Pos {
	if e.release.IsValid() {
		return e.release // asked for each pair of accesses
	}
	p := e.spawner.End()
	ast.Inspect(e.spawner, func(n ast.Node) bool {
		if n == nil || n.End() <= e.stmt.End() || n.Pos() >= p {
			return n != nil && n.Pos() < p
		}
		if fl, ok := n.(*ast.FuncLit); ok && r.litKinds[fl] == litEntry {
			return false
		}
		switch n := n.(type) {
		case *ast.SendStmt:
			p = n.Pos()
		case *ast.CallExpr:
			for _, arg := range n.Args {
				if t := r.Info.TypeOf(arg); t != nil {
					if _, ok := t.Underlying().(*types.Chan); ok {
						p = n.Pos() // close(ch), or a call that may send
					}
				}
			}
		}
		return true
	})
	e.release = p
	return p
}

// madeIn reports a channel that fn makes itself: c := make(chan T), or
// var c chan T. A parameter, or a channel a call returns (ctx.Done(),
// time.After), is fed by code out of sight.
func (r *run) madeIn(fn ast.Node, c *types.Var) bool {
	body := astutil.FuncBody(fn)
	if body == nil || !(body.Pos() <= c.Pos() && c.Pos() < body.End()) {
		return false
	}
	made := false
	ast.Inspect(body, func(n ast.Node) bool {
		var lhs []*ast.Ident
		var rhs []ast.Expr
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				id, _ := l.(*ast.Ident)
				lhs = append(lhs, id)
			}
			rhs = n.Rhs
		case *ast.ValueSpec:
			lhs, rhs = n.Names, n.Values
		default:
			return !made
		}
		for i, id := range lhs {
			if id == nil || r.Info.Defs[id] != c {
				continue
			}
			if len(rhs) == 0 {
				made = true // var c chan T
			} else if i < len(rhs) && len(lhs) == len(rhs) {
				if call, ok := ast.Unparen(rhs[i]).(*ast.CallExpr); ok && astutil.Builtin(r.Info, call) == "make" {
					made = true
				}
			}
		}
		return !made
	})
	return made
}

// fedAfter reports whether every use of the spawner's channel c, outside
// goroutine e, comes at or after p in the spawner, or, in another
// goroutine of the same spawner, after that goroutine itself waits for a
// channel fed only after p (one level: deep enough for a pool of workers
// between the spawner and a collector).
func (r *run) fedAfter(e *entry, c *types.Var, p token.Pos, follow bool) bool {
	if !r.madeIn(e.spawner, c) {
		return false
	}
	ok := true
	ast.Inspect(e.spawner, func(n ast.Node) bool {
		id, isID := n.(*ast.Ident)
		if !ok || !isID || r.Info.Uses[id] != c {
			return ok
		}
		if e.lit.Pos() <= id.Pos() && id.Pos() < e.lit.End() {
			return true
		}
		for _, o := range r.entries {
			if o == e || o.lit == nil || o.spawner != e.spawner || !(o.lit.Pos() <= id.Pos() && id.Pos() < o.lit.End()) {
				continue
			}
			d := r.gate(o.lit, id.Pos())
			if !follow || d == nil || d == c || !r.fedAfter(o, d, p, false) {
				ok = false
			}
			return true
		}
		if id.Pos() < p {
			ok = false
		}
		return true
	})
	return ok
}
