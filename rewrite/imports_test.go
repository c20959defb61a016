package rewrite

import (
	"testing"

	"github.com/dave/dst/decorator"
)

func TestAddImport(t *testing.T) {
	for _, tc := range []struct{ src, path, name, want string }{
		{"package p\n\nfunc f() {}\n", "sync", "sync", "package p\n\nimport \"sync\"\n\nfunc f() {}\n"},
		{"package p\n\nimport \"fmt\"\n", "sync", "sync", "package p\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n"},
		{"package p\n\nimport (\n\t\"fmt\"\n\t\"strings\"\n\n\t\"example.com/x\"\n)\n", "maps", "maps",
			"package p\n\nimport (\n\t\"fmt\"\n\t\"maps\"\n\t\"strings\"\n\n\t\"example.com/x\"\n)\n"},
		{"package p\n\nimport (\n\t\"fmt\"\n\n\t\"example.com/x\"\n)\n", "sync", "sync",
			"package p\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n\n\t\"example.com/x\"\n)\n"},
		{"package p\n\nimport s \"sync\"\n", "sync", "s", "package p\n\nimport s \"sync\"\n"},
	} {
		f, err := decorator.Parse(tc.src)
		if err != nil {
			t.Fatal(err)
		}
		if name := addImport(f, tc.path, nil); name != tc.name {
			t.Errorf("%q: name %q, want %q", tc.src, name, tc.name)
		}
		got, err := restore(f)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != tc.want {
			t.Errorf("got\n%s\nwant\n%s", got, tc.want)
		}
	}
}
