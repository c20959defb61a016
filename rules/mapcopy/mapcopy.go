package mapcopy

import (
	"errors"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"github.com/dave/dst"
	"github.com/mapfix/mapfix/rules"
	"github.com/mapfix/mapfix/rules/internal/astutil"
)

// Rule is the mapcopy rule, as the mapfix engine runs it.
var Rule = &rules.Rule{
	Name: "mapcopy",
	Doc:  "changes made to a copy of a struct map value that are lost: the copy is never stored back",
	Help: "Reading a struct value out of a map (v := m[k], or for k, v := range m) makes a copy: assigning a field of the copy " +
		"does not change the map, and when nothing reads the copy afterwards the change is simply lost. " +
		"The fix stores the copy back (m[k] = v) after its last change, naming the range key if it was _. " +
		"Nothing is reported when the copy is used after the change, for pointer values, or for writes through a pointer field; " +
		"no fix when the key or the map has side effects or may change before the store, or the change is made in a function literal.",
	Run: runMapcopy,
}

func runMapcopy(p *rules.Pass) []rules.Finding {
	c := &checker{Pass: p}
	for _, f := range p.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok {
				if fd.Body != nil {
					c.function(fd.Body)
				}
				continue
			}
			// Function literals in package-level initializers.
			ast.Inspect(d, func(n ast.Node) bool {
				if fl, ok := n.(*ast.FuncLit); ok {
					c.function(fl.Body)
					return false
				}
				return true
			})
		}
	}
	return c.out
}

type checker struct {
	*rules.Pass
	out []rules.Finding

	// Per outermost function body; its function literals are part of it.
	stack   []ast.Node // the ancestors of the node being visited, and it
	copies  []*copyVar
	byObj   map[*types.Var]*copyVar
	hasGoto bool
}

// A copyVar is a variable that holds a copy of a struct map value: the
// value variable of a range over a map, or a variable declared with
// v := m[k] (or v, ok := m[k]).
type copyVar struct {
	obj   *types.Var
	m     ast.Expr       // the map
	key   ast.Expr       // the key of v := m[k]; nil for a range
	rng   *ast.RangeStmt // the range, or nil
	decl  ast.Stmt       // the statement that declares obj
	root  ast.Node       // the range, or the block, clause, if or switch that holds decl
	depth int            // root's index in the stack

	writes []*write
	reads  []read // reads of the copy, other than those that only feed a write into it
	// killed: the copy's address is taken, it is assigned as a whole, or a
	// function literal reads it: it may be seen through other names or
	// at other times.
	killed     bool
	inLit      bool // some write is made in a function literal
	readsInLit bool
}

// A read reads the copy, or a field of it.
type read struct {
	pos   token.Pos
	chain astutil.Chain // what it reads: v, v.f, v.f.g
}

// A write assigns a field of the copy (or an element of an array field).
type write struct {
	lhs   ast.Expr
	chain astutil.Chain // the field it changes: v.f of v.f = x and v.f[i] = x
	stmt  ast.Stmt      // *ast.AssignStmt or *ast.IncDecStmt
	path  []ast.Node    // from the copy's root down to stmt
}

func (c *checker) function(body *ast.BlockStmt) {
	c.stack, c.copies, c.byObj, c.hasGoto = c.stack[:0], nil, nil, false
	ast.Inspect(body, c.visit)
	for _, cv := range c.copies {
		c.judge(cv)
	}
}

func (c *checker) visit(n ast.Node) bool {
	if n == nil {
		c.stack = c.stack[:len(c.stack)-1]
		return true
	}
	c.stack = append(c.stack, n)
	switch n := n.(type) {
	case *ast.BranchStmt:
		if n.Tok == token.GOTO {
			c.hasGoto = true
		}
	case *ast.RangeStmt:
		c.rangeCopy(n)
	case *ast.AssignStmt:
		c.indexCopies(n)
	case *ast.Ident:
		if len(c.byObj) > 0 {
			if v, ok := c.Info.Uses[n].(*types.Var); ok {
				if cv := c.byObj[v]; cv != nil {
					c.ref(cv, n)
				}
			}
		}
	}
	return true
}

// structElem reports whether t is a map whose values are structs (not
// pointers, maps, arrays or type parameters).
func structElem(t types.Type) bool {
	m, ok := astutil.CoreType(t).(*types.Map)
	if !ok {
		return false
	}
	_, ok = types.Unalias(m.Elem()).Underlying().(*types.Struct)
	return ok
}

func (c *checker) register(cv *copyVar) {
	if c.byObj == nil {
		c.byObj = map[*types.Var]*copyVar{}
	}
	c.byObj[cv.obj] = cv
	c.copies = append(c.copies, cv)
}

func (c *checker) rangeCopy(n *ast.RangeStmt) {
	if n.Tok != token.DEFINE || n.Value == nil || !structElem(c.Info.TypeOf(n.X)) {
		return
	}
	id, ok := n.Value.(*ast.Ident)
	if !ok || id.Name == "_" {
		return
	}
	v, ok := c.Info.Defs[id].(*types.Var)
	if !ok {
		return
	}
	c.register(&copyVar{obj: v, m: n.X, rng: n, decl: n, root: n, depth: len(c.stack) - 1})
}

func (c *checker) indexCopies(n *ast.AssignStmt) {
	if n.Tok != token.DEFINE || len(c.stack) < 2 {
		return
	}
	depth := len(c.stack) - 2
	root := c.stack[depth]
	switch p := root.(type) {
	case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
	case *ast.IfStmt:
		if p.Init != n {
			return
		}
	case *ast.SwitchStmt:
		if p.Init != n {
			return
		}
	case *ast.TypeSwitchStmt:
		if p.Init != n {
			return
		}
	default:
		return
	}
	for i, l := range n.Lhs {
		var rhs ast.Expr
		switch {
		case len(n.Lhs) == len(n.Rhs):
			rhs = n.Rhs[i]
		case len(n.Rhs) == 1 && len(n.Lhs) == 2 && i == 0:
			rhs = n.Rhs[0] // v, ok := m[k]
		default:
			continue
		}
		ix, ok := ast.Unparen(rhs).(*ast.IndexExpr)
		if !ok {
			continue
		}
		if tv, ok := c.Info.Types[ix.X]; !ok || !tv.IsValue() || !structElem(tv.Type) {
			continue
		}
		id, ok := l.(*ast.Ident)
		if !ok || id.Name == "_" {
			continue
		}
		v, ok := c.Info.Defs[id].(*types.Var)
		if !ok {
			continue // redeclared: it lives on after this statement
		}
		c.register(&copyVar{obj: v, m: ix.X, key: ix.Index, decl: n, root: root, depth: depth})
	}
}

// ref records a use of the copy cv: id is at the top of the stack.
func (c *checker) ref(cv *copyVar, id *ast.Ident) {
	st := c.stack
	d := len(st) - 1
	if cv.killed || d <= cv.depth || st[cv.depth] != cv.root {
		return
	}
	inLit := false
	for _, n := range st[cv.depth+1 : d] {
		if _, ok := n.(*ast.FuncLit); ok {
			inLit = true
			break
		}
	}
	// Climb the selections of value fields (and indexes of array fields)
	// that id is the root of: v.a.b, v.arr[i].
	// named is the part of it that a chain names: v.arr of v.arr[i].
	var top, named ast.Expr = id, id
	fields, indexed := 0, false
	j := d - 1
climb:
	for ; j > cv.depth; j-- {
		switch p := st[j].(type) {
		case *ast.ParenExpr:
			top = p
			continue
		case *ast.SelectorExpr:
			if sel := c.Info.Selections[p]; p.X == top && sel != nil && sel.Kind() == types.FieldVal && !sel.Indirect() {
				top = p
				if !indexed {
					named = p
				}
				fields++
				continue
			}
		case *ast.IndexExpr:
			if _, ok := astutil.CoreType(c.Info.TypeOf(top)).(*types.Array); ok && p.X == top && fields > 0 {
				top, indexed = p, true
				continue
			}
		}
		break climb
	}
	chain := astutil.ChainOf(c.Info, named)
	if chain == nil {
		chain = astutil.Chain{cv.obj}
	}
	parent := st[j]
	kill := false
	switch p := parent.(type) {
	case *ast.AssignStmt:
		if p.Tok != token.DEFINE && slices.Contains(p.Lhs, top) {
			if fields == 0 {
				kill = true // assigned as a whole
				break
			}
			c.addWrite(cv, top, chain, p, j, inLit)
			return
		}
	case *ast.IncDecStmt:
		if p.X == top {
			if fields == 0 {
				kill = true
				break
			}
			c.addWrite(cv, top, chain, p, j, inLit)
			return
		}
	case *ast.RangeStmt:
		kill = p.Tok == token.ASSIGN && (p.Key == top || p.Value == top)
	case *ast.UnaryExpr:
		kill = p.Op == token.AND
	case *ast.SelectorExpr:
		kill = p.X == top && astutil.PtrMethodOnValue(c.Info, p)
	case *ast.SliceExpr:
		_, isArray := astutil.CoreType(c.Info.TypeOf(top)).(*types.Array)
		kill = p.X == top && isArray // slicing an array takes its address
	}
	if kill || inLit {
		cv.killed = true
		return
	}
	// A read of fields that only computes a new value of a field of the
	// copy (v.avg = v.sum / v.n) is part of that change; a read of the
	// copy as a whole there (v.id = send(v)) hands the change on.
	for k := j; k > cv.depth; k-- {
		s, ok := st[k].(ast.Stmt)
		if !ok {
			continue
		}
		if as, ok := s.(*ast.AssignStmt); ok && as.Tok != token.DEFINE && len(as.Lhs) == 1 && len(as.Rhs) == 1 &&
			id.Pos() >= as.Rhs[0].Pos() && c.fieldOf(as.Lhs[0], cv.obj) && len(chain) > 1 {
			return
		}
		break
	}
	cv.reads = append(cv.reads, read{id.Pos(), chain})
}

func (c *checker) addWrite(cv *copyVar, lhs ast.Expr, chain astutil.Chain, s ast.Stmt, j int, inLit bool) {
	cv.inLit = cv.inLit || inLit
	cv.writes = append(cv.writes, &write{lhs: lhs, chain: chain, stmt: s, path: slices.Clone(c.stack[cv.depth : j+1])})
}

// fieldOf reports whether e is a value field of v, or an element of an
// array field of it: v.a, v.a.b, v.arr[i].
func (c *checker) fieldOf(e ast.Expr, v *types.Var) bool {
	fields := 0
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			return fields > 0 && c.Info.Uses[x] == v
		case *ast.SelectorExpr:
			sel := c.Info.Selections[x]
			if sel == nil || sel.Kind() != types.FieldVal || sel.Indirect() {
				return false
			}
			fields++
			e = x.X
		case *ast.IndexExpr:
			if _, ok := astutil.CoreType(c.Info.TypeOf(x.X)).(*types.Array); !ok {
				return false
			}
			e = x.X
		default:
			return false
		}
	}
}

// after reports whether the code at pos may run after w: it comes later,
// or a loop inside the copy's scope holds both.
func (w *write) after(pos token.Pos) bool {
	if pos > w.lhs.Pos() {
		return true
	}
	for _, n := range w.path[1:] {
		switch n.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			if n.Pos() <= pos && pos < n.End() {
				return true
			}
		}
	}
	return false
}

// judge reports cv if a change to it is lost.
func (c *checker) judge(cv *copyVar) {
	if cv.killed || len(cv.writes) == 0 {
		return
	}
	// A change is seen by a read that reads what it wrote and may run
	// after it (at any time when the change is made in a function
	// literal, and anywhere in a function with goto). A change that no
	// read sees is lost, also when an earlier one was stored back
	// (m[k] = v; v.done = true).
	var lost []*write
	for _, w := range cv.writes {
		seen := false
		for _, r := range cv.reads {
			if w.chain.Overlaps(r.chain) && (cv.inLit || c.hasGoto || w.after(r.pos)) {
				seen = true
				break
			}
		}
		if !seen {
			lost = append(lost, w)
		}
	}
	if len(lost) == 0 {
		return
	}
	if len(lost) < len(cv.writes) && cv.inLit {
		return // a literal's change that something reads: only then reported
	}
	cv.writes = lost
	first := cv.writes[0]
	f := rules.Finding{
		Rule:    "mapcopy",
		Pos:     first.lhs.Pos(),
		End:     first.lhs.End(),
		Message: c.message(cv),
	}
	if cv.inLit {
		f.NoFix = "the change is made in a function literal, which may run at another time"
	} else {
		f.Fix, f.NoFix = c.plan(cv)
	}
	c.out = append(c.out, f)
}

func (c *checker) message(cv *copyVar) string {
	var src string
	switch {
	case cv.key != nil:
		src = "the map value " + types.ExprString(cv.m) + "[" + types.ExprString(cv.key) + "]"
	case cv.rng.Key != nil && cv.rng.Key.(*ast.Ident).Name != "_":
		src = "the map value " + types.ExprString(cv.m) + "[" + cv.rng.Key.(*ast.Ident).Name + "]"
	default:
		src = "a value of the map " + types.ExprString(cv.m)
	}
	first := cv.writes[0]
	msg := fmt.Sprintf("%s is a copy of %s: this change to %s", cv.obj.Name(), src, types.ExprString(first.lhs))
	// The other changes, by what they change: v.a (line 14), v.b (lines 15 and 18).
	var names []string
	lines := map[string][]string{}
	for _, w := range cv.writes[1:] {
		name, line := types.ExprString(w.lhs), strconv.Itoa(c.Line(w.lhs.Pos()))
		if lines[name] == nil {
			names = append(names, name)
		}
		if !slices.Contains(lines[name], line) {
			lines[name] = append(lines[name], line)
		}
	}
	var others []string
	for _, name := range names {
		ls := lines[name]
		if len(ls) == 1 {
			others = append(others, name+" (line "+ls[0]+")")
		} else {
			others = append(others, name+" (lines "+and(ls)+")")
		}
	}
	switch len(others) {
	case 0:
		return msg + " is lost unless it is stored back"
	case 1:
		if len(lines[names[0]]) == 1 {
			return msg + ", and the one to " + others[0] + ", are lost unless it is stored back"
		}
	}
	return msg + ", and those to " + and(others) + ", are lost unless it is stored back"
}

// and joins words as a list: "a", "a and b", "a, b and c".
func and(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

// plan returns the fix for cv, which stores the copy back after its last
// change, or why there is none.
func (c *checker) plan(cv *copyVar) (rules.Fix, string) {
	if !astutil.Pure(c.Info, cv.m, false) {
		return nil, fmt.Sprintf("the map %s may have side effects, and storing back would evaluate it again", types.ExprString(cv.m))
	}
	if cv.key != nil && !astutil.Pure(c.Info, cv.key, false) {
		return nil, fmt.Sprintf("the key %s may have side effects, and storing back would evaluate it again", types.ExprString(cv.key))
	}

	// The store goes into the innermost statement list that holds every
	// write and is not in a loop inside the copy's scope, after the
	// statement of it that holds the last write.
	common := cv.writes[0].path
	for _, w := range cv.writes[1:] {
		n := 0
		for n < len(common) && n < len(w.path) && common[n] == w.path[n] {
			n++
		}
		common = common[:n]
	}
	li := -1
scan:
	for i, n := range common {
		if i > 0 {
			switch n.(type) {
			case *ast.ForStmt, *ast.RangeStmt, *ast.FuncLit:
				break scan
			}
		}
		switch n := n.(type) {
		case *ast.CaseClause, *ast.CommClause:
			li = i
		case *ast.BlockStmt:
			if isList(n) {
				li = i
			}
		}
	}
	if li < 0 {
		return nil, "the changes are in different branches, with no one place after them to store it back"
	}
	list := common[li]
	stmts := astutil.Stmts(list)
	firstIdx, lastIdx := len(stmts), -1
	for _, w := range cv.writes {
		s := w.path[li+1]
		i := slices.Index(stmts, s.(ast.Stmt))
		if i < 0 {
			return nil, "a change is made in a select case's receive, with no statement after it to store it back"
		}
		firstIdx, lastIdx = min(firstIdx, i), max(lastIdx, i)
	}
	last := stmts[lastIdx]
	if b := escape(stmts[firstIdx : lastIdx+1]); b != nil {
		word := "return"
		if br, ok := b.(*ast.BranchStmt); ok {
			word = br.Tok.String()
		}
		return nil, fmt.Sprintf("the %s at line %d would skip a store after the change", word, c.Line(b.Pos()))
	}

	// Nothing between the read and the store may change the map or the key.
	var chains []astutil.Chain
	chains = append(chains, astutil.RefChains(c.Info, cv.m)...)
	var keyObj *types.Var
	keyName := ""
	if cv.key != nil {
		chains = append(chains, astutil.RefChains(c.Info, cv.key)...)
	} else if id, ok := cv.rng.Key.(*ast.Ident); ok && id.Name != "_" {
		keyObj, _ = c.Info.Defs[id].(*types.Var)
		if keyObj == nil {
			return nil, "the range key is not a new variable"
		}
		keyName = id.Name
		chains = append(chains, astutil.Chain{keyObj})
	}
	start, end := cv.decl.End(), last.End()
	region := cv.root
	if cv.rng != nil {
		start, region = cv.rng.Body.Pos(), cv.rng.Body
	}
	var changed ast.Expr
	// v, k := m[k], k2 reads under the old key and changes it at once.
	if as, ok := cv.decl.(*ast.AssignStmt); ok && cv.rng == nil {
		for _, l := range as.Lhs {
			if w := astutil.WrittenChain(c.Info, l); w != nil && w[0] != cv.obj && astutil.OverlapsAny(w, chains) {
				changed = l
			}
		}
	}
	// An earlier store of the copy under its key (m[k] = v) writes
	// what the new store writes again, with the later changes: storing
	// twice undoes nothing.
	stores := map[ast.Expr]bool{}
	keyStr := keyName
	if cv.key != nil {
		keyStr = types.ExprString(cv.key)
	}
	if keyStr != "" { // without a key there is no store to find
		mapStr := types.ExprString(cv.m)
		ast.Inspect(region, func(n ast.Node) bool {
			as, ok := n.(*ast.AssignStmt)
			if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
				return true
			}
			ix, ok := ast.Unparen(as.Lhs[0]).(*ast.IndexExpr)
			id, isID := ast.Unparen(as.Rhs[0]).(*ast.Ident)
			if ok && isID && c.Info.Uses[id] == cv.obj &&
				types.ExprString(ix.X) == mapStr && types.ExprString(ix.Index) == keyStr {
				stores[as.Lhs[0]] = true
			}
			return true
		})
	}
	astutil.WriteSites(c.Info, region, func(e ast.Expr) {
		if changed != nil || e.Pos() < start || e.Pos() >= end || stores[e] {
			return
		}
		if w := astutil.WrittenChain(c.Info, e); w != nil && astutil.OverlapsAny(w, chains) {
			changed = e
		}
	})
	if changed != nil {
		return nil, fmt.Sprintf("line %d changes %s after the copy is read; storing it back could undo that", c.Line(changed.Pos()), types.ExprString(changed))
	}

	// Every name of the store must mean there what it means where the
	// copy is read.
	scope := c.Info.Scopes[list]
	if scope == nil {
		scope = c.Pkg.Scope().Innermost(end)
	}
	if scope == nil {
		return nil, "no scope at the store"
	}
	means := func(name string, obj types.Object) bool {
		_, got := scope.LookupParent(name, end)
		return got == obj
	}
	if !means(cv.obj.Name(), cv.obj) || !astutil.VisibleAt(c.Info, cv.m, scope, end) ||
		cv.key != nil && !astutil.VisibleAt(c.Info, cv.key, scope, end) ||
		keyObj != nil && !means(keyName, keyObj) {
		return nil, "a name of the store means something else where it would go"
	}
	newKey := ""
	if cv.key == nil && keyObj == nil {
		if newKey = c.freeName(cv); newKey == "" {
			return nil, "no free name for the range key"
		}
	}
	return storeFix(cv, list, last, newKey), ""
}

// isList reports whether n is a block that holds statements (not the body
// of a switch or select, which holds clauses).
func isList(n ast.Node) bool {
	b, ok := n.(*ast.BlockStmt)
	if !ok {
		return false
	}
	for _, s := range b.List {
		switch s.(type) {
		case *ast.CaseClause, *ast.CommClause:
			return false
		}
	}
	return true
}

// freeName returns a name for the key of cv's range that nothing in the
// loop's body, its map or its value names.
func (c *checker) freeName(cv *copyVar) string {
	used := map[string]bool{cv.obj.Name(): true}
	for _, n := range []ast.Node{cv.m, cv.rng.Body} {
		ast.Inspect(n, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				used[id.Name] = true
			}
			return true
		})
	}
	for i := 1; i < 10; i++ {
		for _, base := range []string{"k", "key"} {
			name := base
			if i > 1 {
				name += strconv.Itoa(i)
			}
			if !used[name] {
				return name
			}
		}
	}
	return ""
}

// escape returns the first statement in stmts that may leave them other
// than by their end: a return, a goto, or a break or continue that targets
// a statement outside them. Function literals are not entered.
func escape(stmts []ast.Stmt) ast.Node {
	inner := map[string]bool{}
	for _, s := range stmts {
		ast.Inspect(s, func(n ast.Node) bool {
			if ls, ok := n.(*ast.LabeledStmt); ok {
				inner[ls.Label.Name] = true
			}
			_, lit := n.(*ast.FuncLit)
			return !lit
		})
	}
	var found ast.Node
	var visit func(breaks, continues bool) func(ast.Node) bool
	visit = func(breaks, continues bool) func(ast.Node) bool {
		return func(n ast.Node) bool {
			if found != nil {
				return false
			}
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ReturnStmt:
				found = n
			case *ast.BranchStmt:
				switch n.Tok {
				case token.GOTO:
					found = n
				case token.BREAK:
					if n.Label != nil && !inner[n.Label.Name] || n.Label == nil && !breaks {
						found = n
					}
				case token.CONTINUE:
					if n.Label != nil && !inner[n.Label.Name] || n.Label == nil && !continues {
						found = n
					}
				}
			case *ast.ForStmt:
				ast.Inspect(n.Body, visit(true, true))
				return false
			case *ast.RangeStmt:
				ast.Inspect(n.Body, visit(true, true))
				return false
			case *ast.SwitchStmt:
				ast.Inspect(n.Body, visit(true, continues))
				return false
			case *ast.TypeSwitchStmt:
				ast.Inspect(n.Body, visit(true, continues))
				return false
			case *ast.SelectStmt:
				ast.Inspect(n.Body, visit(true, continues))
				return false
			}
			return true
		}
	}
	for _, s := range stmts {
		ast.Inspect(s, visit(false, false))
	}
	return found
}

// storeFix inserts m[k] = v after last, a statement of list; newKey, if
// set, is the name the blank key of cv's range takes.
func storeFix(cv *copyVar, list ast.Node, last ast.Stmt, newKey string) rules.Fix {
	return func(ctx *rules.FixContext) error {
		errMissing := errors.New("a node of the finding is not in the file")
		stmts := astutil.StmtList(ctx.Node(list))
		dl, _ := ctx.Node(last).(dst.Stmt)
		dm, _ := ctx.Node(cv.m).(dst.Expr)
		if stmts == nil || dl == nil || dm == nil {
			return errMissing
		}
		i := slices.Index(*stmts, dl)
		if i < 0 {
			return errMissing
		}
		var key dst.Expr
		var blank *dst.Ident
		switch {
		case cv.key != nil:
			dk, _ := ctx.Node(cv.key).(dst.Expr)
			if dk == nil {
				return errMissing
			}
			key = astutil.CleanClone(dk).(dst.Expr)
		case newKey != "":
			dr, _ := ctx.Node(cv.rng).(*dst.RangeStmt)
			if dr == nil {
				return errMissing
			}
			if dr.Key == nil || dr.Key.(*dst.Ident).Name != "_" {
				return errors.New("the range key changed")
			}
			blank = dr.Key.(*dst.Ident)
			key = dst.NewIdent(newKey)
		default:
			key = dst.NewIdent(cv.rng.Key.(*ast.Ident).Name)
		}
		store := &dst.AssignStmt{
			Lhs: []dst.Expr{&dst.IndexExpr{X: astutil.CleanClone(dm).(dst.Expr), Index: key}},
			Tok: token.ASSIGN,
			Rhs: []dst.Expr{dst.NewIdent(cv.obj.Name())},
		}
		// The blank line or line break after last now follows the store.
		ld := dl.Decorations()
		store.Decs.Before, store.Decs.After = dst.NewLine, ld.After
		if store.Decs.After == dst.None {
			store.Decs.After = dst.NewLine
		}
		ld.After = dst.NewLine
		if blank != nil {
			blank.Name = newKey
		}
		*stmts = slices.Insert(*stmts, i+1, dst.Stmt(store))
		return nil
	}
}
