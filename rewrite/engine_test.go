package rewrite

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dave/dst"
	"github.com/mapfix/mapfix/rules"
	"github.com/mapfix/mapfix/rules/all"
	"github.com/mapfix/mapfix/rules/capacity"
	"github.com/mapfix/mapfix/rules/nilmap"
)

// The engine is tested with toy rules, so that what it must keep does not
// depend on what a real rule means.

// hintRule reports every one-argument make of a map and fixes it by adding
// the hint 8; with bad set, the hint is a string, which does not type-check.
func hintRule(name, hint string) *rules.Rule {
	return &rules.Rule{Name: name, Run: func(p *rules.Pass) []rules.Finding {
		var out []rules.Finding
		for _, f := range p.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok || len(call.Args) != 1 {
					return true
				}
				if id, ok := call.Fun.(*ast.Ident); !ok || id.Name != "make" {
					return true
				}
				if _, ok := call.Args[0].(*ast.MapType); !ok {
					return true
				}
				out = append(out, rules.Finding{
					Rule: name, Pos: call.Pos(), End: call.End(), Message: "make without hint",
					Fix: func(ctx *rules.FixContext) error {
						c := ctx.Node(call).(*dst.CallExpr)
						kind := token.INT
						if strings.HasPrefix(hint, `"`) {
							kind = token.STRING
						}
						c.Args = append(c.Args, &dst.BasicLit{Kind: kind, Value: hint})
						return nil
					},
				})
				return true
			})
		}
		return out
	}}
}

// writeModule makes a module in a temporary directory from name → content.
func writeModule(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	files["go.mod"] = "module example.com/m\n\ngo 1.22\n"
	for name, src := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func runToy(t *testing.T, dir string, write bool, rs ...*rules.Rule) *Result {
	t.Helper()
	// Directives may name mapfix's real rules, which are known though
	// the test does not run them.
	known := []string{}
	for _, r := range append(all.Rules(), rs...) {
		known = append(known, r.Name)
	}
	res, err := Run(Options{Dir: dir, Rules: rs, Known: known, Tests: true, Write: write})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) > 0 {
		t.Fatalf("load errors: %v", res.Errors)
	}
	return res
}

func TestCommentsStay(t *testing.T) {
	src := `package m

// F builds a set.
func F() map[string]int {
	// The set of names.
	m := make(map[string]int) // trailing
	/* before return */
	return m // done
}
`
	dir := writeModule(t, map[string]string{"a.go": src})
	res := runToy(t, dir, false, hintRule("toy", "8"))
	want := strings.Replace(src, "make(map[string]int)", "make(map[string]int, 8)", 1)
	if len(res.Changes) != 1 || string(res.Changes[0].New) != want {
		t.Fatalf("got changes %+v, want one with\n%s", res.Changes, want)
	}
}

func TestOnlyFixedLinesChange(t *testing.T) {
	// Not gofmt-formatted: the restorer would reformat every line here.
	src := "package m\n\nvar   x    =   1\nfunc F()   map[int]int{\n  a:=   2;_ = a\n\tm := make(map[int]int)\n    return    m\n}\nfunc G( ) { }\n"
	dir := writeModule(t, map[string]string{"a.go": src})
	res := runToy(t, dir, false, hintRule("toy", "8"))
	want := strings.Replace(src, "make(map[int]int)", "make(map[int]int, 8)", 1)
	if len(res.Changes) != 1 || string(res.Changes[0].New) != want {
		t.Fatalf("got\n%s\nwant\n%s", res.Changes[0].New, want)
	}
}

func TestCRLFStaysCRLF(t *testing.T) {
	src := "package m\r\n\r\n// F is F.\r\nfunc F() map[int]int {\r\n\tm := make(map[int]int) // c\r\n\treturn m\r\n}\r\n"
	dir := writeModule(t, map[string]string{"a.go": src})
	res := runToy(t, dir, true, hintRule("toy", "8"))
	got, err := os.ReadFile(filepath.Join(dir, "a.go"))
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Replace(src, "make(map[int]int)", "make(map[int]int, 8)", 1)
	if string(got) != want {
		t.Fatalf("got %q\nwant %q", got, want)
	}
	if len(res.Written) != 1 {
		t.Fatalf("written: %v", res.Written)
	}
}

func TestFixThatBreaksTypesIsDropped(t *testing.T) {
	src := "package m\n\nfunc F() (map[int]int, map[string]bool) {\n\ta := make(map[int]int)\n\tb := make(map[string]bool)\n\treturn a, b\n}\n"
	dir := writeModule(t, map[string]string{"a.go": src})
	res := runToy(t, dir, false, hintRule("good", "8"), hintRule("bad", `"x"`))
	fixed := map[string]int{}
	for _, f := range res.Findings {
		if f.Fixable {
			fixed[f.Rule]++
		} else if f.Rule != "bad" || !strings.Contains(f.Reason, "type-check") {
			t.Errorf("unexpected unfixed finding: %+v", f)
		}
	}
	if fixed["good"] != 2 || fixed["bad"] != 0 {
		t.Fatalf("fixed per rule: %v; findings %+v", fixed, res.Findings)
	}
	want := strings.NewReplacer("make(map[int]int)", "make(map[int]int, 8)", "make(map[string]bool)", "make(map[string]bool, 8)").Replace(src)
	if len(res.Changes) != 1 || string(res.Changes[0].New) != want {
		t.Fatalf("got %+v", res.Changes)
	}
}

func TestSecondRunFindsNothing(t *testing.T) {
	dir := writeModule(t, map[string]string{"a.go": "package m\n\nvar M = make(map[int]int)\n"})
	if res := runToy(t, dir, true, hintRule("toy", "8")); len(res.Written) != 1 {
		t.Fatalf("first run wrote %v", res.Written)
	}
	if res := runToy(t, dir, false, hintRule("toy", "8")); len(res.Findings) != 0 {
		t.Fatalf("second run: %+v", res.Findings)
	}
}

func TestWriteKeepsModeAndRefusesChangedFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.go")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := writeFile(path, []byte("old"), []byte("new")); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); string(got) != "new" || fi.Mode().Perm() != 0o600 {
		t.Fatalf("content %q mode %v", got, fi.Mode())
	}
	// The file now says "new"; a writer that read "old" must not clobber it.
	if err := writeFile(path, []byte("old"), []byte("newer")); err == nil {
		t.Fatal("overwrote a file that changed since it was read")
	}
	if got, _ := os.ReadFile(path); string(got) != "new" {
		t.Fatalf("content %q", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Fatalf("temporary files left behind: %v", entries)
	}
}

func TestGeneratedFilesUntouched(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"gen.go": "// Code generated by hand-gen. DO NOT EDIT.\n\npackage m\n\nvar G = make(map[int]int)\n",
		"a.go":   "package m\n\nvar A = make(map[int]int)\n",
	})
	res := runToy(t, dir, true, hintRule("toy", "8"))
	if len(res.Findings) != 1 || res.Findings[0].Pos.Filename != "a.go" {
		t.Fatalf("findings: %+v", res.Findings)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "gen.go")); bytes.Contains(got, []byte(", 8)")) {
		t.Fatal("generated file rewritten")
	}
}

func TestVendoredPath(t *testing.T) {
	if !isVendored("/x/vendor/example.com/y/a.go") || isVendored("/x/vendors/a.go") {
		t.Fatal("isVendored")
	}
}

func TestIgnoreDirectives(t *testing.T) {
	src := `package m

//mapfix:ignore toy built once at init, never grows
var A = make(map[int]int)

var B = make(map[int]int) //nolint:mapfix

var C = make(map[int]int) //nolint:all // shared with golangci-lint

//mapfix:ignore toy
var D = make(map[int]int)

//mapfix:ignore toy nothing to silence here
var E = 1

//mapfix:ignore capacity,toy silenced, but names a rule that did not run
var F = make(map[int]int)

//mapfix:ignore nosuch reason
var G = 1

var H = make(map[int]int) //nolint:errcheck
`
	dir := writeModule(t, map[string]string{"a.go": src})
	res := runToy(t, dir, false, hintRule("toy", "8"))
	var got []string
	for _, f := range res.Findings {
		got = append(got, fmt.Sprintf("%d %s: %s", f.Pos.Line, f.Rule, f.Message))
	}
	want := []string{
		"10 mapfix: malformed //mapfix:ignore directive: want //mapfix:ignore <rule>[,<rule>] <reason>",
		"11 toy: make without hint",
		"13 mapfix: this //mapfix:ignore directive silences nothing",
		"19 mapfix: //mapfix:ignore names unknown rule nosuch",
		"22 toy: make without hint",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestVendoredCodeUntouched(t *testing.T) {
	fill := "package dep\n\nvar M = make(map[int]int)\n"
	dir := writeModule(t, map[string]string{
		"a.go":                          "package m\n\nimport \"example.com/dep\"\n\nvar A = make(map[int]int)\nvar _ = dep.M\n",
		"vendor/example.com/dep/dep.go": fill,
		"vendor/modules.txt":            "# example.com/dep v1.0.0 => ./dep\n## explicit; go 1.22\nexample.com/dep\n# example.com/dep => ./dep\n",
		"dep/go.mod":                    "module example.com/dep\n\ngo 1.22\n",
		"dep/dep.go":                    fill,
	})
	gomod := "module example.com/m\n\ngo 1.22\n\nrequire example.com/dep v1.0.0\n\nreplace example.com/dep => ./dep\n"
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(gomod), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := Run(Options{Dir: dir, Args: []string{"./...", "example.com/dep"}, Rules: []*rules.Rule{hintRule("toy", "8")}, Write: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) > 0 {
		t.Fatalf("load errors: %v", res.Errors)
	}
	if len(res.Findings) != 1 || res.Findings[0].Pos.Filename != "a.go" {
		t.Fatalf("findings: %+v", res.Findings)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "vendor/example.com/dep/dep.go")); string(got) != fill {
		t.Fatalf("vendored file rewritten:\n%s", got)
	}
}

// A fix that makes room for another rule's fix: -w goes on until nothing
// changes, so that a second run finds nothing.
func TestWriteRepeatsUntilStable(t *testing.T) {
	// toy adds a hint to a one-argument make; maker turns a literal into
	// a one-argument make, which toy then finds.
	maker := &rules.Rule{Name: "maker", Run: func(p *rules.Pass) []rules.Finding {
		var out []rules.Finding
		for _, f := range p.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				lit, ok := n.(*ast.CompositeLit)
				if !ok || len(lit.Elts) > 0 {
					return true
				}
				if _, ok := lit.Type.(*ast.MapType); !ok {
					return true
				}
				out = append(out, rules.Finding{Rule: "maker", Pos: lit.Pos(), End: lit.End(), Message: "empty literal",
					Fix: func(ctx *rules.FixContext) error {
						spec := ctx.Node(f.Decls[0]).(*dst.GenDecl).Specs[0].(*dst.ValueSpec)
						spec.Values[0] = &dst.CallExpr{Fun: dst.NewIdent("make"), Args: []dst.Expr{dst.Clone(ctx.Node(lit.Type)).(dst.Expr)}}
						return nil
					}})
				return true
			})
		}
		return out
	}}
	dir := writeModule(t, map[string]string{"a.go": "package m\n\nvar M = map[int]int{}\n"})
	res := runToy(t, dir, true, hintRule("toy", "8"), maker)
	got, _ := os.ReadFile(filepath.Join(dir, "a.go"))
	if string(got) != "package m\n\nvar M = make(map[int]int, 8)\n" {
		t.Fatalf("got %q", got)
	}
	if len(res.Findings) != 2 || len(res.Written) != 1 || !strings.Contains(string(res.Changes[0].Diff), "+var M = make(map[int]int, 8)") {
		t.Fatalf("result: %+v", res)
	}
	if res := runToy(t, dir, false, hintRule("toy", "8"), maker); len(res.Findings) != 0 {
		t.Fatalf("second run: %+v", res.Findings)
	}
}

// A fix may edit a declaration other than the one holding its finding: the
// engine then decorates the whole file, and the edit is not lost.
func TestFixOutsideItsDeclaration(t *testing.T) {
	src := "package m\n\n// Limit is referred to below.\nvar Limit = 1\n\nfunc F() map[int]int {\n\treturn make(map[int]int, Limit)\n}\n"
	far := &rules.Rule{Name: "far", Run: func(p *rules.Pass) []rules.Finding {
		f := p.Files[0]
		fn := f.Decls[1].(*ast.FuncDecl)
		ret := fn.Body.List[0].(*ast.ReturnStmt)
		limit := ret.Results[0].(*ast.CallExpr).Args[1].(*ast.Ident)
		spec := f.Decls[0].(*ast.GenDecl).Specs[0].(*ast.ValueSpec)
		return []rules.Finding{{Rule: "far", Pos: ret.Pos(), End: ret.End(), Message: "limit too low",
			Fix: func(ctx *rules.FixContext) error {
				// Through the identifier, dst can reach a copy of the
				// var declaration; only the file's own node counts.
				_ = ctx.Node(limit)
				v, ok := ctx.Node(spec.Values[0]).(*dst.BasicLit)
				if !ok {
					return fmt.Errorf("no node for the value")
				}
				v.Value = "64"
				return nil
			}}}
	}}
	dir := writeModule(t, map[string]string{"a.go": src})
	res := runToy(t, dir, false, far)
	if len(res.Changes) != 1 || string(res.Changes[0].New) != strings.Replace(src, "var Limit = 1", "var Limit = 64", 1) || !res.Findings[0].Fixable {
		t.Fatalf("%+v", res)
	}
}

// guardRule reports every `x := make(map…)` statement in a block and fixes
// it by inserting, after it, a two-level statement:
//
//	if x == nil {
//		panic("nil")
//	}
func guardRule(name string) *rules.Rule {
	return &rules.Rule{Name: name, Run: func(p *rules.Pass) []rules.Finding {
		var out []rules.Finding
		for _, f := range p.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				block, ok := n.(*ast.BlockStmt)
				if !ok {
					return true
				}
				for _, st := range block.List {
					as, ok := st.(*ast.AssignStmt)
					if !ok || as.Tok != token.DEFINE || len(as.Lhs) != 1 {
						continue
					}
					call, ok := as.Rhs[0].(*ast.CallExpr)
					if !ok {
						continue
					}
					if id, ok := call.Fun.(*ast.Ident); !ok || id.Name != "make" {
						continue
					}
					name := as.Lhs[0].(*ast.Ident).Name
					out = append(out, rules.Finding{Rule: "guard", Pos: as.Pos(), End: as.End(), Message: "unguarded make",
						Fix: func(ctx *rules.FixContext) error {
							b := ctx.Node(block).(*dst.BlockStmt)
							s := ctx.Node(as).(dst.Stmt)
							i := slices.Index(b.List, s)
							guard := &dst.IfStmt{
								Cond: &dst.BinaryExpr{X: dst.NewIdent(name), Op: token.EQL, Y: dst.NewIdent("nil")},
								Body: &dst.BlockStmt{List: []dst.Stmt{&dst.ExprStmt{X: &dst.CallExpr{
									Fun: dst.NewIdent("panic"), Args: []dst.Expr{&dst.BasicLit{Kind: token.STRING, Value: `"nil"`}}}}}},
							}
							guard.Decs.Before = dst.NewLine
							b.List = slices.Insert(b.List, i+1, dst.Stmt(guard))
							return nil
						}})
				}
				return true
			})
		}
		return out
	}}
}

// In a file indented with spaces, only the fixed line changes, and the
// lines a fix adds are indented like their neighbours, with the file's
// own unit of indentation.
func TestSpaceIndentedFile(t *testing.T) {
	src := "package m\n\n" +
		"// F is not gofmt-formatted.\n" +
		"func F(ok bool) map[int]int {\n" +
		"  x :=   1 // one\n" +
		"  if ok {\n" +
		"    m := make(map[int]int)\n" +
		"    m[x] = x  // aligned by hand\n" +
		"    return m\n" +
		"  }\n" +
		"  return nil\n" +
		"}\n"
	dir := writeModule(t, map[string]string{"a.go": src})
	res := runToy(t, dir, false, hintRule("toy", "8"))
	want := strings.Replace(src, "make(map[int]int)", "make(map[int]int, 8)", 1)
	if len(res.Changes) != 1 || string(res.Changes[0].New) != want {
		t.Fatalf("hint: got\n%s\nwant\n%s", newText(res), want)
	}

	res = runToy(t, dir, false, guardRule("guard"))
	want = strings.Replace(src, "    m := make(map[int]int)\n",
		"    m := make(map[int]int)\n    if m == nil {\n      panic(\"nil\")\n    }\n", 1)
	if len(res.Changes) != 1 || string(res.Changes[0].New) != want {
		t.Fatalf("guard: got\n%s\nwant\n%s", newText(res), want)
	}
}

// A file that mixes tabs and spaces: the new lines follow the line they
// are inserted after, and no other line changes.
func TestMixedIndentationFile(t *testing.T) {
	src := "package m\n\n" +
		"func F(ok bool) map[int]int {\n" +
		"\tx := 1\n" +
		"\tif ok {\n" +
		"        m := make(map[int]int)\n" +
		"\t\tm[x] = x\n" +
		"\t\treturn m\n" +
		"\t}\n" +
		"    return nil\n" +
		"}\n\n" +
		"func G() map[int]int {\n" +
		"\tk := make(map[int]int)\n" +
		"    return k\n" +
		"}\n"
	dir := writeModule(t, map[string]string{"a.go": src})
	res := runToy(t, dir, false, hintRule("toy", "8"), guardRule("guard"))
	want := strings.NewReplacer(
		"        m := make(map[int]int)\n",
		"        m := make(map[int]int, 8)\n        if m == nil {\n            panic(\"nil\")\n        }\n",
		"\tk := make(map[int]int)\n",
		"\tk := make(map[int]int, 8)\n\tif k == nil {\n\t\tpanic(\"nil\")\n\t}\n",
	).Replace(src)
	if len(res.Changes) != 1 || string(res.Changes[0].New) != want {
		t.Fatalf("got\n%s\nwant\n%s", newText(res), want)
	}
}

// newText shows the new text of each changed file, for a test's failure.
func newText(res *Result) string {
	var b strings.Builder
	for _, c := range res.Changes {
		fmt.Fprintf(&b, "%s:\n%s", c.Path, c.New)
	}
	return b.String()
}

// callRule reports the make call assigned to the variable target and fixes
// it with fix.
func callRule(name, target string, fix func(ctx *rules.FixContext, call *dst.CallExpr) error) *rules.Rule {
	return &rules.Rule{Name: name, Run: func(p *rules.Pass) []rules.Finding {
		var out []rules.Finding
		for _, f := range p.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				as, ok := n.(*ast.AssignStmt)
				if !ok || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
					return true
				}
				if id, ok := as.Lhs[0].(*ast.Ident); !ok || id.Name != target {
					return true
				}
				call, ok := as.Rhs[0].(*ast.CallExpr)
				if !ok {
					return true
				}
				out = append(out, rules.Finding{Rule: name, Pos: call.Pos(), End: call.End(), Message: "make of " + target,
					Fix: func(ctx *rules.FixContext) error { return fix(ctx, ctx.Node(call).(*dst.CallExpr)) }})
				return true
			})
		}
		return out
	}}
}

func addArg(value string, kind token.Token) func(*rules.FixContext, *dst.CallExpr) error {
	return func(_ *rules.FixContext, c *dst.CallExpr) error {
		c.Args = append(c.Args, &dst.BasicLit{Kind: kind, Value: value})
		return nil
	}
}

// findingsByRule indexes findings by rule, for toy rules that find one each.
func findingsByRule(t *testing.T, res *Result) map[string]Finding {
	t.Helper()
	by := map[string]Finding{}
	for _, f := range res.Findings {
		if _, dup := by[f.Rule]; dup {
			t.Fatalf("two findings of %s: %+v", f.Rule, res.Findings)
		}
		by[f.Rule] = f
	}
	return by
}

// When the fixes of a file together break type-checking, the engine tries
// them one by one. A fix that then fails in another way must not make the
// fixes kept before it look unfixed: what is reported matches what is
// written.
func TestBisectStatusMatchesOutput(t *testing.T) {
	src := "package m\n\nfunc F() (map[int]int, map[string]bool, map[int]bool) {\n\ta := make(map[int]int)\n\tb := make(map[string]bool)\n\tc := make(map[int]bool)\n\treturn a, b, c\n}\n"
	bad := callRule("bad", "b", addArg(`"x"`, token.STRING))
	// fragile's fix is sound only next to bad's: alone, it prints a file
	// that does not parse.
	var bCall *ast.CallExpr
	fragile := callRule("fragile", "c", func(ctx *rules.FixContext, c *dst.CallExpr) error {
		if len(ctx.Node(bCall).(*dst.CallExpr).Args) == 2 {
			return addArg("8", token.INT)(ctx, c)
		}
		c.Fun = dst.NewIdent("make((")
		return nil
	})
	run := fragile.Run
	fragile.Run = func(p *rules.Pass) []rules.Finding {
		ast.Inspect(p.Files[0], func(n ast.Node) bool {
			if as, ok := n.(*ast.AssignStmt); ok && as.Lhs[0].(*ast.Ident).Name == "b" {
				bCall = as.Rhs[0].(*ast.CallExpr)
			}
			return true
		})
		return run(p)
	}
	dir := writeModule(t, map[string]string{"a.go": src})
	res := runToy(t, dir, false, callRule("good", "a", addArg("8", token.INT)), bad, fragile)
	by := findingsByRule(t, res)
	if !by["good"].Fixable || by["bad"].Fixable || !strings.Contains(by["bad"].Reason, "type-check") || by["fragile"].Fixable || by["fragile"].Reason == "" {
		t.Errorf("findings: %+v", res.Findings)
	}
	// The reason names the file as findings do.
	if !strings.Contains(by["bad"].Reason, "type-check: "+by["bad"].Pos.Filename+":") {
		t.Errorf("reason %q does not name %s", by["bad"].Reason, by["bad"].Pos.Filename)
	}
	want := strings.Replace(src, "make(map[int]int)", "make(map[int]int, 8)", 1)
	if len(res.Changes) != 1 || string(res.Changes[0].New) != want {
		t.Fatalf("got\n%s\nwant\n%s", newText(res), want)
	}
}

// A fix that fails after changing part of the tree leaves nothing of its
// change: the file's other fixes run again on a fresh decoration.
func TestFailedFixLeavesNoTrace(t *testing.T) {
	src := "package m\n\nfunc F() (map[int]int, map[string]bool) {\n\ta := make(map[int]int)\n\tb := make(map[string]bool)\n\treturn a, b\n}\n"
	for _, tc := range []struct {
		name   string
		fail   func()
		reason string
	}{
		{"error", nil, "half done"},
		{"panic", func() { panic("half done") }, "internal error: half done"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			half := callRule("half", "b", func(ctx *rules.FixContext, c *dst.CallExpr) error {
				c.Args = append(c.Args, &dst.BasicLit{Kind: token.INT, Value: "99"})
				if tc.fail != nil {
					tc.fail()
				}
				return fmt.Errorf("half done")
			})
			dir := writeModule(t, map[string]string{"a.go": src})
			res := runToy(t, dir, false, callRule("good", "a", addArg("8", token.INT)), half)
			by := findingsByRule(t, res)
			if !by["good"].Fixable || by["half"].Fixable || !strings.Contains(by["half"].Reason, tc.reason) {
				t.Errorf("findings: %+v", res.Findings)
			}
			want := strings.Replace(src, "make(map[int]int)", "make(map[int]int, 8)", 1)
			if len(res.Changes) != 1 || string(res.Changes[0].New) != want {
				t.Fatalf("got\n%s\nwant\n%s", newText(res), want)
			}
		})
	}
}

// lineCol is where substr first occurs in src, 1-based.
func lineCol(t *testing.T, src, substr string) (line, col int) {
	t.Helper()
	i := strings.Index(src, substr)
	if i < 0 {
		t.Fatalf("%q not in the source", substr)
	}
	return strings.Count(src[:i], "\n") + 1, i - strings.LastIndex(src[:i], "\n")
}

// needCgo skips a test when cgo cannot build here.
func needCgo(t *testing.T) {
	t.Helper()
	out, err := exec.Command("go", "env", "CGO_ENABLED", "CC").Output()
	if err != nil {
		t.Fatal(err)
	}
	env := strings.Fields(string(out))
	if len(env) < 2 || env[0] != "1" {
		t.Skip("cgo is disabled")
	}
	if _, err := exec.LookPath(env[1]); err != nil {
		t.Skipf("no C compiler: %v", err)
	}
}

// go/packages type-checks the files that cgo generates from a file that
// imports "C", in the build cache: findings there are reported at the
// user's file and line, without a fix; the package's other files are fixed.
func TestCgoFileFindings(t *testing.T) {
	needCgo(t)
	cgoSrc := "package m\n\n// #include <stdlib.h>\nimport \"C\"\n\nfunc F() map[int]int {\n\tm := make(map[int]int)\n\tm[1] = int(C.abs(-1))\n\t//mapfix:ignore toy checked by hand\n\tn := make(map[int]int)\n\t_ = n\n\treturn m\n}\n"
	plainSrc := "package m\n\nfunc G() map[int]int {\n\treturn make(map[int]int)\n}\n"
	genSrc := "// Code generated by hand-gen. DO NOT EDIT.\n\npackage m\n\n// #include <stdlib.h>\nimport \"C\"\n\nvar H = make(map[int]int, C.abs(-1))\nvar I = make(map[int]int)\n"
	for _, args := range [][]string{nil, {"a.go", "c.go"}} {
		t.Run(strings.Join(args, ","), func(t *testing.T) {
			dir := writeModule(t, map[string]string{"a.go": cgoSrc, "b.go": plainSrc, "c.go": genSrc})
			res, err := Run(Options{Dir: dir, Args: args, Rules: []*rules.Rule{hintRule("toy", "8")}, Tests: true, Write: true})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Errors) > 0 {
				t.Fatalf("load errors: %v", res.Errors)
			}
			var got []Finding
			for _, f := range res.Findings {
				switch f.Pos.Filename {
				case "a.go":
					got = append(got, f)
				case "b.go":
				default: // c.go is generated
					t.Errorf("finding in %s: %+v", f.Pos.Filename, f)
				}
			}
			line, col := lineCol(t, cgoSrc, "make(map[int]int)")
			if len(got) != 1 || got[0].Pos.Line != line || got[0].Pos.Column != col || got[0].End.Filename != "a.go" ||
				got[0].Fixable || got[0].Reason != "cgo file: fixes are not applied" {
				t.Fatalf("findings in a.go: %+v\nall: %+v", got, res.Findings)
			}
			if b, _ := os.ReadFile(filepath.Join(dir, "a.go")); string(b) != cgoSrc {
				t.Fatalf("a.go rewritten:\n%s", b)
			}
			wantB := plainSrc
			if args == nil {
				wantB = strings.Replace(plainSrc, "make(map[int]int)", "make(map[int]int, 8)", 1)
			}
			if b, _ := os.ReadFile(filepath.Join(dir, "b.go")); string(b) != wantB {
				t.Fatalf("b.go:\n%s\nwant\n%s\nfindings: %+v", b, wantB, res.Findings)
			}
		})
	}
}

// A file with //line directives (written by a tool, not marked generated)
// is reported at its own lines: the ones its diff and edits use.
func TestLineDirectiveFindings(t *testing.T) {
	src := "package m\n\n//line parser.y:100\nfunc F() map[int]int {\n\treturn make(map[int]int)\n}\n"
	dir := writeModule(t, map[string]string{"a.go": src})
	res, err := Run(Options{Dir: dir, Rules: []*rules.Rule{hintRule("toy", "8")}, FindingEdits: true})
	if err != nil || len(res.Errors) > 0 {
		t.Fatal(err, res.Errors)
	}
	line, col := lineCol(t, src, "make(map[int]int)")
	if len(res.Findings) != 1 {
		t.Fatalf("findings: %+v", res.Findings)
	}
	f := res.Findings[0]
	if f.Pos.Filename != "a.go" || f.Pos.Line != line || f.Pos.Column != col || f.End.Filename != "a.go" || f.End.Line != line || !f.Fixable {
		t.Fatalf("finding at %v-%v, want a.go:%d:%d: %+v", f.Pos, f.End, line, col, f)
	}
	if len(f.Edits) != 1 || f.Edits[0].Start != line || !strings.HasPrefix(string(f.Diff), "--- a/a.go\n") {
		t.Fatalf("edits %+v, diff\n%s", f.Edits, f.Diff)
	}
}

// makerRule turns each empty map literal that is a package variable's value
// into a make call, which hintRule-like rules then find.
func makerRule() *rules.Rule {
	return &rules.Rule{Name: "maker", Run: func(p *rules.Pass) []rules.Finding {
		var out []rules.Finding
		for _, f := range p.Files {
			for _, d := range f.Decls {
				gd, ok := d.(*ast.GenDecl)
				if !ok || gd.Tok != token.VAR {
					continue
				}
				spec := gd.Specs[0].(*ast.ValueSpec)
				if len(spec.Values) != 1 {
					continue
				}
				lit, ok := spec.Values[0].(*ast.CompositeLit)
				if !ok || len(lit.Elts) > 0 {
					continue
				}
				if _, ok := lit.Type.(*ast.MapType); !ok {
					continue
				}
				out = append(out, rules.Finding{Rule: "maker", Pos: lit.Pos(), End: lit.End(), Message: "empty literal",
					Fix: func(ctx *rules.FixContext) error {
						s := ctx.Node(spec).(*dst.ValueSpec)
						s.Values[0] = &dst.CallExpr{Fun: dst.NewIdent("make"), Args: []dst.Expr{dst.Clone(ctx.Node(lit.Type)).(dst.Expr)}}
						return nil
					}})
			}
		}
		return out
	}}
}

// withoutFix is rule, with every finding reported without a fix.
func withoutFix(rule *rules.Rule, reason string) *rules.Rule {
	return &rules.Rule{Name: rule.Name, Run: func(p *rules.Pass) []rules.Finding {
		found := rule.Run(p)
		for i := range found {
			found[i].Fix, found[i].NoFix = nil, reason
		}
		return found
	}}
}

// lineOf is the 1-based line of the first occurrence of s in the file.
func lineOf(t *testing.T, path, s string) int {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	i := strings.Index(string(src), s)
	if i < 0 {
		t.Fatalf("no %q in\n%s", s, src)
	}
	return strings.Count(string(src[:i]), "\n") + 1
}

// A finding that a fix of round 1 uncovers, and that has no fix, is
// reported: -w leaves it for a person.
func TestWriteReportsUnfixableFoundInLaterRound(t *testing.T) {
	dir := writeModule(t, map[string]string{"a.go": "package m\n\nvar M = map[int]int{}\n"})
	res := runToy(t, dir, true, makerRule(), withoutFix(hintRule("toy", "8"), "no hint known"))
	if got, _ := os.ReadFile(filepath.Join(dir, "a.go")); string(got) != "package m\n\nvar M = make(map[int]int)\n" {
		t.Fatalf("got %q", got)
	}
	if res.Unfixed() != 1 || len(res.Findings) != 2 {
		t.Fatalf("findings: %+v", res.Findings)
	}
	for _, f := range res.Findings {
		if f.Rule == "toy" && (f.Fixable || f.Reason != "no hint known" || f.Pos.Line != 3) {
			t.Errorf("left finding: %+v", f)
		}
	}
}

// A finding left unfixed is reported once, at its line in the file as -w
// wrote it, however many rounds saw it.
func TestWriteReportsLeftFindingsOnceAtTheirNewLines(t *testing.T) {
	// doc adds a comment line above var A; left reports var R, with no fix.
	doc := &rules.Rule{Name: "doc", Run: func(p *rules.Pass) []rules.Finding {
		var out []rules.Finding
		for _, f := range p.Files {
			for _, d := range f.Decls {
				gd, ok := d.(*ast.GenDecl)
				if !ok || gd.Doc != nil || gd.Specs[0].(*ast.ValueSpec).Names[0].Name != "A" {
					continue
				}
				out = append(out, rules.Finding{Rule: "doc", Pos: gd.Pos(), End: gd.End(), Message: "undocumented",
					Fix: func(ctx *rules.FixContext) error {
						ctx.Node(gd).(*dst.GenDecl).Decs.Start.Append("// A is documented.")
						return nil
					}})
			}
		}
		return out
	}}
	left := &rules.Rule{Name: "left", Run: func(p *rules.Pass) []rules.Finding {
		var out []rules.Finding
		for _, f := range p.Files {
			for _, d := range f.Decls {
				if gd, ok := d.(*ast.GenDecl); ok && gd.Specs[0].(*ast.ValueSpec).Names[0].Name == "R" {
					out = append(out, rules.Finding{Rule: "left", Pos: gd.Pos(), End: gd.End(), Message: "R", NoFix: "R stays"})
				}
			}
		}
		return out
	}}
	dir := writeModule(t, map[string]string{"a.go": "package m\n\nvar A = map[int]int{}\n\nvar R = 1\n"})
	res := runToy(t, dir, true, doc, left, makerRule())
	path := filepath.Join(dir, "a.go")
	if got, _ := os.ReadFile(path); !strings.Contains(string(got), "// A is documented.\nvar A = make(map[int]int)\n") {
		t.Fatalf("got %q", got)
	}
	var lefts []Finding
	for _, f := range res.Findings {
		if f.Rule == "left" {
			lefts = append(lefts, f)
		}
	}
	if len(lefts) != 1 || lefts[0].Pos.Line != lineOf(t, path, "var R") {
		t.Fatalf("left findings %+v; var R is on line %d", lefts, lineOf(t, path, "var R"))
	}
	if res.Unfixed() != 1 || len(res.Findings) != 3 {
		t.Fatalf("findings: %+v", res.Findings)
	}
}

// A finding that round 1 could not fix and round 2 fixes counts once, as
// fixed.
func TestWriteCountsAFindingFixedInALaterRoundOnce(t *testing.T) {
	// late adds a hint to one-argument makes, but only once no empty map
	// literal is left in the file.
	toy := hintRule("late", "8")
	late := &rules.Rule{Name: "late", Run: func(p *rules.Pass) []rules.Finding {
		found := toy.Run(p)
		literal := false
		for _, f := range p.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				if lit, ok := n.(*ast.CompositeLit); ok {
					_, isMap := lit.Type.(*ast.MapType)
					literal = literal || isMap
				}
				return true
			})
		}
		if literal {
			for i := range found {
				found[i].Fix, found[i].NoFix = nil, "a literal is left"
			}
		}
		return found
	}}
	dir := writeModule(t, map[string]string{"a.go": "package m\n\nvar A = map[int]int{}\n\nvar B = make(map[int]int)\n"})
	res := runToy(t, dir, true, makerRule(), late)
	if got, _ := os.ReadFile(filepath.Join(dir, "a.go")); string(got) != "package m\n\nvar A = make(map[int]int, 8)\n\nvar B = make(map[int]int, 8)\n" {
		t.Fatalf("got %q", got)
	}
	per := map[string]int{}
	for _, f := range res.Findings {
		per[f.Rule]++
	}
	if res.Unfixed() != 0 || per["maker"] != 1 || per["late"] != 2 {
		t.Fatalf("unfixed %d, per rule %v: %+v", res.Unfixed(), per, res.Findings)
	}
}

// Errors of a later round are reported with the others.
func TestWriteKeepsErrorsOfLaterRounds(t *testing.T) {
	// panicky fails on a make with a hint, which only round 1 writes.
	panicky := &rules.Rule{Name: "panicky", Run: func(p *rules.Pass) []rules.Finding {
		for _, f := range p.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok && len(call.Args) == 2 {
					panic("a hint")
				}
				return true
			})
		}
		return nil
	}}
	dir := writeModule(t, map[string]string{"a.go": "package m\n\nvar M = make(map[int]int)\n"})
	res, err := Run(Options{Dir: dir, Rules: []*rules.Rule{hintRule("toy", "8"), panicky}, Write: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Written) != 1 || len(res.Errors) != 1 || !strings.Contains(res.Errors[0].Msg, "rule panicky failed") {
		t.Fatalf("written %v, errors %v", res.Written, res.Errors)
	}
}

// A later round that cannot run at all does not lose what round 1 wrote
// and found.
func TestWriteKeepsRoundOneWhenALaterRoundFails(t *testing.T) {
	dir := writeModule(t, map[string]string{"a.go": "package m\n\nvar M = make(map[int]int)\n"})
	toy := hintRule("toy", "8")
	// breaker's fix also breaks go.mod, so that the go command fails in
	// round 2.
	breaker := &rules.Rule{Name: "breaker", Run: func(p *rules.Pass) []rules.Finding {
		found := toy.Run(p)
		for i := range found {
			fix := found[i].Fix
			found[i].Rule = "breaker"
			found[i].Fix = func(ctx *rules.FixContext) error {
				if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("this is not a go.mod\n"), 0o644); err != nil {
					return err
				}
				return fix(ctx)
			}
		}
		return found
	}}
	res, err := Run(Options{Dir: dir, Rules: []*rules.Rule{breaker}, Write: true})
	if err != nil {
		t.Fatalf("Run failed and lost round 1: %v", err)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "a.go")); string(got) != "package m\n\nvar M = make(map[int]int, 8)\n" {
		t.Fatalf("got %q", got)
	}
	if len(res.Written) != 1 || len(res.Findings) != 1 || !res.Findings[0].Fixable || len(res.Errors) != 1 || !strings.Contains(res.Errors[0].Msg, "round 2") {
		t.Fatalf("written %v, findings %+v, errors %v", res.Written, res.Findings, res.Errors)
	}
}

// Writing through a symbolic link writes the file it points to and keeps
// the link, also when the link is relative and the file elsewhere.
func TestWriteThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "real"), 0o755); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(dir, "real", "a.go")
	if err := os.WriteFile(target, []byte("old"), 0o640); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "pkg"), 0o755); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "pkg", "a.go")
	if err := os.Symlink(filepath.Join("..", "real", "a.go"), link); err != nil {
		t.Skip(err)
	}
	if err := writeFile(link, []byte("old"), []byte("new")); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v, %v", fi.Mode(), err)
	}
	fi, err := os.Stat(target)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(target); string(got) != "new" || fi.Mode().Perm() != 0o640 {
		t.Fatalf("target: %q, mode %v", got, fi.Mode())
	}
	for _, d := range []string{"real", "pkg"} {
		if entries, _ := os.ReadDir(filepath.Join(dir, d)); len(entries) != 1 {
			t.Errorf("%s: temporary files left behind: %v", d, entries)
		}
	}
}

// Rules name other lines of the file in their messages; a //line directive
// must not redirect those either.
func TestRuleMessagesUseFileLines(t *testing.T) {
	src := "package m\n\n//line gram.y:100\nfunc F(xs []string) map[string]int {\n\tvar m map[string]int\n\tfor i, x := range xs {\n\t\tm[x] = i\n\t}\n\treturn m\n}\n"
	dir := writeModule(t, map[string]string{"a.go": src})
	res := runToy(t, dir, false, nilmap.Rule)
	decl, _ := lineCol(t, src, "var m map")
	if len(res.Findings) != 1 || !strings.Contains(res.Findings[0].Message, fmt.Sprintf("at line %d,", decl)) {
		t.Fatalf("want a finding naming line %d: %+v", decl, res.Findings)
	}
}

// Real rules on code written without gofmt, where lines compared by their
// text alone pair wrongly (one-line blocks the printer splits, repeated
// statements, closing braces at several depths): the written code is the
// fixed program, only the lines of the fix change, and a second run finds
// nothing.
func TestSpliceOnUnformattedCode(t *testing.T) {
	for name, tc := range map[string]struct {
		src      string
		want     string // the lines the fix must write, in order
		inserted bool   // the fix only inserts lines
	}{
		"one-line block in a space-indented loop": {
			src:  "package m\n\nfunc F(keys []string, n int) map[string]map[int]int {\n    m := map[string]map[int]int{}\n    for _, k := range keys {\n        if n > 0 {\n            if n > 1 { n++ }\n        }\n        if n > 2 { n--; m[k][n]++ }\n    }\n    return m\n}\n",
			want: "        if n > 2 {\n            n--\n            if m[k] == nil {\n                m[k] = make(map[int]int)\n            }\n            m[k][n]++\n        }\n",
		},
		"repeated statement after a joined line": {
			src:  "package m\n\ntype K struct {\n\ta string\n\tb int\n}\n\nfunc F(xs []K) map[string]map[int]int {\n\tm := map[string]map[int]int{}\n\tn := 0\n\tfor _, s := range xs {\n\t\tn++; m[s.a][s.b]++\n\t\tm[s.a][s.b]++\n\t\tif n > 1 { println(n) }\n\t}\n\treturn m\n}\n",
			want: "\t\tn++\n\t\tif m[s.a] == nil {\n\t\t\tm[s.a] = make(map[int]int)\n\t\t}\n\t\tm[s.a][s.b]++\n",
		},
		"closing braces at several depths": {
			src:  "package m\n\ntype K struct {\n\ta string\n\tb int\n}\n\nfunc F(xs []K) map[string]map[int]int {\n\tm := map[string]map[int]int{}\n\tfor _, s := range xs {\n\t\tif s.b > 0 { m[s.a][s.b]++ }\n\t}\n\tif len(m) > 0 { println(1) }\n\treturn m\n}\n",
			want: "\t\tif s.b > 0 {\n\t\t\tif m[s.a] == nil {\n\t\t\t\tm[s.a] = make(map[int]int)\n\t\t\t}\n\t\t\tm[s.a][s.b]++\n\t\t}\n",
		},
		"one-line function in a space-indented file": {
			src:  "package m\n\nfunc G() {\n  println()\n}\n\nfunc H(xs []string) map[string]int { m := make(map[string]int); for i, x := range xs { m[x] = i }; return m }\n",
			want: "func H(xs []string) map[string]int {\n  m := make(map[string]int, len(xs))\n  for i, x := range xs {\n    m[x] = i\n  }\n  return m\n}\n",
		},
		"a guard after a hand-aligned continuation line": {
			src:      "package m\n\nimport \"fmt\"\n\ntype S struct {\n    region string\n    year   int\n}\n\nfunc F(xs []S) map[string]map[int]string {\n    m := map[string]map[int]string{}\n    for _, s := range xs {\n        fmt.Println(s.region,\n                    s.year)\n        m[s.region][s.year] = \"x\"\n    }\n    return m\n}\n",
			want:     "        if m[s.region] == nil {\n            m[s.region] = make(map[int]string)\n        }\n",
			inserted: true,
		},
		"aligned trailing comments around the fix": {
			src:  "package m\n\nfunc F(xs []string) (map[string]bool, int) {\n\tn := 1 // one\n\tseen := make(map[string]bool) // seen words\n\tk := 2 // two\n\tfor _, w := range xs {\n\t\tseen[w] = true\n\t}\n\treturn seen, n + k\n}\n",
			want: "\tseen := make(map[string]bool, len(xs)) // seen words\n",
		},
	} {
		t.Run(name, func(t *testing.T) {
			dir := writeModule(t, map[string]string{"a.go": tc.src})
			res := runToy(t, dir, true, capacity.Rule, nilmap.Rule)
			if len(res.Findings) == 0 || slices.ContainsFunc(res.Findings, func(f Finding) bool { return !f.Fixable }) {
				t.Fatalf("findings: %+v", res.Findings)
			}
			got, err := os.ReadFile(filepath.Join(dir, "a.go"))
			if err != nil {
				t.Fatal(err)
			}
			// Every original line is kept or replaced by the fix's lines:
			// removing the fix's lines from the output and from the wanted
			// lines leaves the original minus the lines the fix replaced.
			var removed, added []string
			for _, s := range lineDiff(splitLines([]byte(tc.src)), splitLines(got)) {
				for k := 0; k < s.n; k++ {
					switch s.op {
					case -1:
						removed = append(removed, splitLines([]byte(tc.src))[s.a+k])
					case 1:
						added = append(added, splitLines(got)[s.b+k])
					}
				}
			}
			if strings.Join(added, "") != tc.want {
				t.Errorf("lines written:\n%s\nwant:\n%s\nwhole file:\n%s", strings.Join(added, ""), tc.want, got)
			}
			if want := map[bool]int{false: 1, true: 0}[tc.inserted]; len(removed) != want {
				t.Errorf("lines replaced: %q, want %d", removed, want)
			}
			if res := runToy(t, dir, false, capacity.Rule, nilmap.Rule); len(res.Findings) != 0 {
				t.Errorf("second run: %+v", res.Findings)
			}
		})
	}
}
