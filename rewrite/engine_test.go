package rewrite

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dave/dst"
	"github.com/mapfix/mapfix/rules"
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
	res, err := Run(Options{Dir: dir, Rules: rs, Tests: true, Write: write})
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
