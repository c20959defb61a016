package rewrite

import (
	"strings"
	"testing"

	"github.com/mapfix/mapfix/rules"
)

// A package that does not type-check only because a dependency does not
// is reported with the dependency's own error, file and line, as go build
// reports it: "package could not be type-checked" alone leaves the user
// to find which of its dependencies is broken, and how.
func TestDependencyErrorNamed(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"a/a.go": "package a\n\nimport \"example.com/m/b\"\n\nvar A = b.B\n",
		"b/b.go": "package b\n\nimport \"example.com/m/c\"\n\nvar B = c.C\n",
		"c/c.go": "package c\n\nvar C int = \"seven\"\n",
	})
	res, err := Run(Options{Dir: dir, Args: []string{"./a"}, Rules: []*rules.Rule{hintRule("toy", "8")}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) != 1 {
		t.Fatalf("errors %v, want one", res.Errors)
	}
	e := res.Errors[0]
	if e.Pos != "c/c.go:3:13" || !strings.Contains(e.Msg, "cannot use \"seven\"") ||
		!strings.HasSuffix(e.Msg, "(in example.com/m/c, a dependency of example.com/m/a)") || e.Package != "example.com/m/a" {
		t.Errorf("error %+v: want c/c.go:3:13, the type error, and the path from a to c", e)
	}
}
