package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/mapfix/mapfix/rewrite"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// hoistSrc has a fix that spans three lines; badDirective a finding with no
// fix.
const hoistSrc = `package p

import "strings"

// Tags parses a,b,c into a set.
func Tags(s string) map[string]bool {
	set := map[string]bool{}
	for _, t := range strings.Split(s, ",") {
		set[t] = true
	}
	return set
}

//mapfix:ignore capacity
var _ = 1
`

func schema(t *testing.T, file string) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	s, err := c.Compile(filepath.Join("..", "..", "testdata", "schemas", file))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func validate(t *testing.T, s *jsonschema.Schema, doc string) {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Validate(v); err != nil {
		t.Fatalf("output does not validate: %v\n%s", err, doc)
	}
}

// fixedByW is what mapfix -w makes of the module's p/p.go.
func fixedByW(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := module(t, files)
	mapfix(t, dir, "-w")
	b, err := os.ReadFile(filepath.Join(dir, "p/p.go"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestSARIF(t *testing.T) {
	files := map[string]string{"p/p.go": hoistSrc}
	dir := module(t, files)
	r := mapfix(t, dir, "-format", "sarif")
	if r.code != 1 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	validate(t, schema(t, "sarif-schema-2.1.0.json"), r.stdout)

	var log sarifLog
	if err := json.Unmarshal([]byte(r.stdout), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if run.Tool.Driver.Name != "mapfix" || run.Tool.Driver.Rules[0].ID != "capacity" || run.Tool.Driver.Rules[0].Help.Text == "" {
		t.Errorf("driver: %+v", run.Tool.Driver)
	}
	if len(run.Results) != 2 {
		t.Fatalf("results: %+v", run.Results)
	}
	res := run.Results[0]
	if res.RuleID != "capacity" || res.Locations[0].PhysicalLocation.Region.StartLine != 7 || len(res.Fixes) != 1 {
		t.Fatalf("result: %+v", res)
	}
	if d := run.Results[1]; d.RuleID != "mapfix" || len(d.Fixes) != 0 || run.Tool.Driver.Rules[d.RuleIndex].ID != "mapfix" {
		t.Errorf("directive result: %+v", d)
	}
	if run.ColumnKind != "utf16CodeUnits" {
		t.Errorf("columnKind %q", run.ColumnKind)
	}
	// The fix, applied as SARIF describes it, is what -w writes.
	got, err := applySARIF(hoistSrc, res.Fixes[0])
	if err != nil {
		t.Fatal(err)
	}
	if want := fixedByW(t, map[string]string{"p/p.go": hoistSrc}); got != want {
		t.Errorf("SARIF fix gives\n%s\nwant\n%s", got, want)
	}
}

// sarifOffset is the byte offset in src of a SARIF line and column, the
// column counted in UTF-16 code units, as run.columnKind says. A position
// past the end of the file is an error.
func sarifOffset(src string, line, col int) (int, error) {
	lines := strings.SplitAfter(src, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	if line < 1 || line > len(lines) {
		return 0, fmt.Errorf("line %d is not in the file (%d lines)", line, len(lines))
	}
	off := len(strings.Join(lines[:line-1], ""))
	units := 0
	for i, r := range lines[line-1] {
		if units >= col-1 {
			return off + i, nil
		}
		units += len(utf16.Encode([]rune{r}))
	}
	if units == col-1 {
		return off + len(lines[line-1]), nil
	}
	return 0, fmt.Errorf("column %d is past the end of line %d", col, line)
}

// applySARIF applies a fix's replacements to src, last first.
func applySARIF(src string, fix sarifFix) (string, error) {
	reps := fix.ArtifactChanges[0].Replacements
	for i := len(reps) - 1; i >= 0; i-- {
		rg := reps[i].DeletedRegion
		start, err := sarifOffset(src, rg.StartLine, rg.StartColumn)
		if err != nil {
			return "", err
		}
		end, err := sarifOffset(src, rg.EndLine, rg.EndColumn)
		if err != nil {
			return "", err
		}
		src = src[:start] + reps[i].InsertedContent.Text + src[end:]
	}
	return src, nil
}

// Columns are UTF-16 code units, whatever precedes the finding on its
// line, and a fix of the last line of a file stays inside the file.
// After -w, a fixed finding's columns still count in the file as it was
// read: a hoist puts a new line, with a non-ASCII name, where the finding
// was.
func TestSARIFColumnsAfterWrite(t *testing.T) {
	src := strings.ReplaceAll(hoistSrc, "strings", "ü")
	src = strings.Replace(src, `import "ü"`, `import ü "strings"`, 1)
	dry := mapfix(t, module(t, map[string]string{"p/p.go": src}), "-q", "-format", "sarif", "-rules", "capacity")
	written := mapfix(t, module(t, map[string]string{"p/p.go": src}), "-q", "-w", "-format", "sarif", "-rules", "capacity")
	var a, b sarifLog
	if err := json.Unmarshal([]byte(dry.stdout), &a); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(written.stdout), &b); err != nil {
		t.Fatal(err)
	}
	if len(a.Runs[0].Results) == 0 || len(b.Runs[0].Results) != len(a.Runs[0].Results) {
		t.Fatalf("results: dry %+v, -w %+v", a.Runs[0].Results, b.Runs[0].Results)
	}
	for i := range a.Runs[0].Results {
		if a.Runs[0].Results[i].RuleID != "capacity" {
			continue // left unfixed: after -w it points into the written file
		}
		ra, rb := a.Runs[0].Results[i].Locations[0].PhysicalLocation.Region, b.Runs[0].Results[i].Locations[0].PhysicalLocation.Region
		if ra != rb {
			t.Errorf("result %d: region %+v in a dry run, %+v after -w", i, ra, rb)
		}
	}
}

func TestSARIFColumnsAndEndOfFile(t *testing.T) {
	for name, src := range map[string]string{
		"non-ASCII before the finding": strings.Replace(fillSrc, "\tm := make(", "\t/* ünï😀 */ m := make(", 1),
		"fix of the last line":         "package p\n\nfunc F(s []string) map[string]int { m := make(map[string]int); for _, v := range s { m[v] = 1 }; return m }\n",
		"last line without newline":    "package p\n\nfunc F(s []string) map[string]int { m := make(map[string]int); for _, v := range s { m[v] = 1 }; return m }",
	} {
		t.Run(name, func(t *testing.T) {
			dir := module(t, map[string]string{"p/p.go": src})
			r := mapfix(t, dir, "-q", "-format", "sarif", "-rules", "capacity")
			validate(t, schema(t, "sarif-schema-2.1.0.json"), r.stdout)
			var log sarifLog
			if err := json.Unmarshal([]byte(r.stdout), &log); err != nil {
				t.Fatal(err)
			}
			if len(log.Runs[0].Results) != 1 || len(log.Runs[0].Results[0].Fixes) != 1 {
				t.Fatalf("results: %+v", log.Runs[0].Results)
			}
			res := log.Runs[0].Results[0]
			rg := res.Locations[0].PhysicalLocation.Region
			start, err := sarifOffset(src, rg.StartLine, rg.StartColumn)
			if err != nil {
				t.Fatal(err)
			}
			end, err := sarifOffset(src, rg.EndLine, rg.EndColumn)
			if err != nil {
				t.Fatal(err)
			}
			if got := src[start:end]; got != "make(map[string]int)" {
				t.Errorf("the region holds %q", got)
			}
			got, err := applySARIF(src, res.Fixes[0])
			if err != nil {
				t.Fatal(err)
			}
			if want := fixedByW(t, map[string]string{"p/p.go": src}); got != want {
				t.Errorf("SARIF fix gives\n%q\nwant\n%q", got, want)
			}
		})
	}
}

func TestRDJSON(t *testing.T) {
	dir := module(t, map[string]string{"p/p.go": hoistSrc})
	r := mapfix(t, dir, "-format", "rdjson")
	if r.code != 1 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	validate(t, schema(t, "DiagnosticResult.json"), r.stdout)
	var out struct {
		Source      rdSource       `json:"source"`
		Diagnostics []rdDiagnostic `json:"diagnostics"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatal(err)
	}
	if out.Source.Name != "mapfix" || len(out.Diagnostics) != 2 {
		t.Fatalf("%+v", out)
	}
	d := out.Diagnostics[0]
	if d.Code.Value != "capacity" || len(d.Suggestions) != 1 {
		t.Fatalf("%+v", d)
	}
	if d.Location.Range.Start.Column != 9 {
		t.Errorf("comment starts at column %d, want the finding's 9", d.Location.Range.Start.Column)
	}
	if len(out.Diagnostics[1].Suggestions) != 0 || !strings.Contains(out.Diagnostics[1].Message, "not fixed") {
		t.Errorf("directive diagnostic: %+v", out.Diagnostics[1])
	}

	r = mapfix(t, dir, "-format", "rdjsonl")
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if len(lines) != 2 {
		t.Fatalf("rdjsonl: %q", r.stdout)
	}
	for _, l := range lines {
		validate(t, schema(t, "Diagnostic.json"), l)
	}
}

// nestedSrc has a nilmap fix that inserts lines before its finding.
const nestedSrc = `package p

// Hits counts requests per tenant and path.
func Hits(reqs []string) map[string]map[string]int {
	hits := map[string]map[string]int{}
	for _, r := range reqs {
		hits[r][r]++
	}
	return hits
}
`

// applySuggestion applies a diagnostic's suggestion to src as reviewdog's
// GitHub reporter builds it (service/github/github.go, buildSingleSuggestion)
// and GitHub applies it: the suggestion's lines must be the comment's, and
// its text, plus a newline, replaces those lines; with columns, the text
// is first spliced into the first and last lines.
func applySuggestion(src string, d rdDiagnostic) (string, error) {
	s := d.Suggestions[0]
	start, end := s.Range.Start.Line, s.Range.End.Line
	if end == 0 {
		end = start
	}
	cStart, cEnd := d.Location.Range.Start.Line, d.Location.Range.End.Line
	if cEnd == 0 {
		cEnd = cStart
	}
	if start != cStart || end != cEnd {
		return "", fmt.Errorf("GitHub comment range and suggestion line range must be same. L%d-L%d v.s. L%d-L%d", cStart, cEnd, start, end)
	}
	lines := strings.SplitAfter(src, "\n")
	if start < 1 || end < start || end > len(lines) {
		return "", fmt.Errorf("suggestion lines %d-%d outside the file", start, end)
	}
	text := s.Text + "\n"
	if s.Text == "" {
		text = ""
	}
	if s.Range.Start.Column > 0 || s.Range.End.Column > 0 {
		first := strings.TrimSuffix(lines[start-1], "\n")
		last := strings.TrimSuffix(lines[end-1], "\n")
		text = first[:max(s.Range.Start.Column-1, 0)] + s.Text + last[max(s.Range.End.Column-1, 0):] + "\n"
	}
	return strings.Join(lines[:start-1], "") + text + strings.Join(lines[end:], ""), nil
}

// Every suggestion replaces exactly the lines its comment covers, or
// reviewdog refuses it, and the suggestions, applied, make the file -w
// writes.
func TestRDJSONSuggestionsMatchComments(t *testing.T) {
	both := strings.Replace(nestedSrc, "package p\n", fillSrc, 1)
	for name, src := range map[string]string{"hoist": hoistSrc, "fill": fillSrc, "nested": nestedSrc, "both": both} {
		t.Run(name, func(t *testing.T) {
			dir := module(t, map[string]string{"p/p.go": src})
			want := fixedByW(t, map[string]string{"p/p.go": src})
			for _, format := range []string{"rdjson", "rdjsonl"} {
				r := mapfix(t, dir, "-q", "-format", format)
				var ds []rdDiagnostic
				if format == "rdjson" {
					var out struct{ Diagnostics []rdDiagnostic }
					if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
						t.Fatal(err)
					}
					ds = out.Diagnostics
				} else {
					for _, l := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
						var d rdDiagnostic
						if err := json.Unmarshal([]byte(l), &d); err != nil {
							t.Fatal(err)
						}
						ds = append(ds, d)
					}
				}
				sameAsReviewdog(t, format, reviewdogReads(t, format, r.stdout), ds)
				got := src
				n := 0
				// Bottom up, so that earlier lines keep their numbers.
				for i := len(ds) - 1; i >= 0; i-- {
					d := ds[i]
					if len(d.Suggestions) == 0 {
						continue
					}
					n++
					if d.Location.Range.Start.Line != d.Suggestions[0].Range.Start.Line || d.Location.Range.End.Line != d.Suggestions[0].Range.End.Line {
						t.Errorf("%s: comment lines %+v, suggestion lines %+v", format, d.Location.Range, d.Suggestions[0].Range)
					}
					var err error
					if got, err = applySuggestion(got, d); err != nil {
						t.Fatalf("%s: %v", format, err)
					}
				}
				if n == 0 {
					t.Fatalf("%s: no suggestion in\n%s", format, r.stdout)
				}
				if got != want {
					t.Errorf("%s: suggestions give\n%s\nwant (-w)\n%s", format, got, want)
				}
			}
		})
	}
}

// A fix that edits lines far from its finding (say, an import at the top)
// gets its whole diff in the message, since the suggestion holds one part.
func TestRDJSONFarEditsInMessage(t *testing.T) {
	f := rewrite.Finding{
		Rule: "nilmap", Message: "m", Fixable: true,
		Pos: token.Position{Filename: "a.go", Line: 20, Column: 2}, End: token.Position{Filename: "a.go", Line: 20, Column: 9},
		Edits: []rewrite.Edit{
			{Start: 3, End: 4, Old: "import \"fmt\"\n", New: "import (\n\t\"fmt\"\n\t\"net/url\"\n)\n"},
			{Start: 20, End: 21, Old: "\tm[a][b] = 1\n", New: "\tif m[a] == nil {\n\t\tm[a] = make(url.Values)\n\t}\n\tm[a][b] = 1\n"},
		},
		Diff: []byte("--- a/a.go\n+++ b/a.go\n@@ the whole fix @@\n"),
	}
	ds := rdDiagnostics(&rewrite.Result{Findings: []rewrite.Finding{f}})
	if len(ds) != 1 || len(ds[0].Suggestions) != 1 {
		t.Fatalf("%+v", ds)
	}
	if s := ds[0].Suggestions[0]; s.Range.Start.Line != 20 || s.Range.End.Line != 20 || !strings.HasPrefix(s.Text, "\tif m[a] == nil") {
		t.Errorf("the suggestion is not the edit at the finding: %+v", s)
	}
	if !strings.Contains(ds[0].Message, "```diff\n--- a/a.go\n+++ b/a.go\n@@ the whole fix @@\n```") {
		t.Errorf("message lacks the whole diff: %q", ds[0].Message)
	}
	f.Edits = f.Edits[1:]
	if ds := rdDiagnostics(&rewrite.Result{Findings: []rewrite.Finding{f}}); strings.Contains(ds[0].Message, "```") {
		t.Errorf("a fix in one place needs no diff in the message: %q", ds[0].Message)
	}
}

func TestGitHubAnnotations(t *testing.T) {
	if got := ghData("100% done\r\nnext"); got != "100%25 done%0D%0Anext" {
		t.Errorf("ghData: %q", got)
	}
	if got := ghProperty("a:b,c%"); got != "a%3Ab%2Cc%25" {
		t.Errorf("ghProperty: %q", got)
	}
	dir := module(t, map[string]string{"p/p.go": fillSrc})
	r := mapfix(t, dir, "-format", "github")
	want := "::warning file=p/p.go,line=5,endLine=5,col=7,title=mapfix capacity::"
	if r.code != 1 || !strings.HasPrefix(r.stdout, want) || strings.Count(r.stdout, "\n") != 1 {
		t.Fatalf("exit %d, stdout %q", r.code, r.stdout)
	}
}

func TestJSON(t *testing.T) {
	dir := module(t, map[string]string{"p/p.go": fillSrc, "bad/b.go": "package bad\n\nfunc B() {\n\treturn 1 +\n}\n"})
	r := mapfix(t, dir, "-format", "json")
	if r.code != 2 {
		t.Fatalf("exit %d", r.code)
	}
	var out jsonOutput
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	if len(out.Findings) != 1 || len(out.Diffs) != 1 || len(out.Errors) == 0 {
		t.Fatalf("%+v", out)
	}
	f := out.Findings[0]
	if f.Rule != "capacity" || f.Path != "p/p.go" || f.Start != (jsonPos{5, 7}) || !f.Fixable || len(f.Edits) != 1 {
		t.Errorf("%+v", f)
	}
	if !strings.HasPrefix(out.Diffs[0].Diff, "--- a/p/p.go\n") || !strings.HasPrefix(out.Errors[0].Position, "bad/b.go:") {
		t.Errorf("%+v", out)
	}
	for _, e := range out.Errors {
		if e.Package != "example.com/m/bad" {
			t.Errorf("error without its package: %+v", e)
		}
	}
}

func TestNewFromRev(t *testing.T) {
	dir, gitRun := gitModule(t, map[string]string{"p/p.go": fillSrc})
	// The second commit adds a function with a finding; the old one stays.
	writeFile(t, filepath.Join(dir, "p/p.go"), fillSrc+countSrc)
	gitRun("commit", "-q", "-am", "new code")

	all := mapfix(t, dir)
	if strings.Count(all.stdout, ": capacity: ") != 2 {
		t.Fatalf("without -new-from-rev:\n%s", all.stdout)
	}
	r := mapfix(t, dir, "-new-from-rev", "HEAD~1")
	if r.code != 1 || strings.Count(r.stdout, ": capacity: ") != 1 || !strings.Contains(r.stdout, "p/p.go:14:7: capacity: map c ") {
		t.Fatalf("exit %d:\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := mapfix(t, dir, "-new-from-rev", "HEAD"); r.code != 0 {
		t.Fatalf("nothing changed since HEAD: exit %d\n%s", r.code, r.stdout)
	}
	if r := mapfix(t, dir, "-new-from-rev", "nosuchrev"); r.code != 2 || !strings.Contains(r.stderr, "nosuchrev") {
		t.Fatalf("bad revision: exit %d, %s", r.code, r.stderr)
	}
}

// The output is the same whatever the parallelism.
func TestJobsDoNotChangeOutput(t *testing.T) {
	files := map[string]string{}
	for i := range 8 {
		src := strings.ReplaceAll(fillSrc, "package p", fmt.Sprintf("package p%d", i))
		files[fmt.Sprintf("p%d/p.go", i)] = src
		files[fmt.Sprintf("p%d/q.go", i)] = strings.ReplaceAll(src, "Index", "Index2")
	}
	dir := module(t, files)
	first := map[string][]byte{}
	for _, j := range []string{"1", "2", "8"} {
		for _, format := range []string{"text", "json"} {
			r := mapfix(t, dir, "-j", j, "-format", format)
			if r.code != 1 {
				t.Fatalf("-j %s: exit %d", j, r.code)
			}
			if first[format] == nil {
				first[format] = []byte(r.stdout)
			} else if !bytes.Equal(first[format], []byte(r.stdout)) {
				t.Fatalf("-j %s -format %s output differs:\n%s\nfrom\n%s", j, format, r.stdout, first[format])
			}
		}
	}
}
