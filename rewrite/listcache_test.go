package rewrite

import (
	"path/filepath"
	"reflect"
	"testing"
)

const (
	listSrc = `package p

import "example.com/m/q"

func F() map[string]int { return make(map[string]int) }

var _ int = q.Q
`
	listDep = `package q

const Q = 1
`
	// listUser imports p: p's export data is part of the answer when
	// both are checked.
	listUser = `package r

import "example.com/m/p"

var _ = p.F()
`
)

// listRun runs the hint rule on the named files of dir with the caches
// in cache ("" for none) and says whether the list cache answered.
func listRun(t *testing.T, dir, cache string, files ...string) (*Result, bool) {
	t.Helper()
	var args []string
	for _, f := range files {
		args = append(args, filepath.Join(dir, f))
	}
	hits := listHits.Load()
	res := cachedToy(t, dir, cache, func(o *Options) { o.Args = args })
	res.Cached = false
	return res, listHits.Load() > hits
}

// A commit that changes the bodies of the files it names (the pre-commit
// hook) skips the go command's metadata query, with the same result.
func TestListCacheServesBodyEdits(t *testing.T) {
	dir := writeModule(t, map[string]string{"p/p.go": listSrc, "q/q.go": listDep})
	cache := t.TempDir()
	if _, hit := listRun(t, dir, cache, "p/p.go"); hit {
		t.Fatal("the first run found a list cache entry")
	}
	write(t, filepath.Join(dir, "p", "p.go"), listSrc+"\nfunc G() map[int]int { return make(map[int]int) }\n")
	got, hit := listRun(t, dir, cache, "p/p.go")
	if !hit {
		t.Fatal("a body edit of the named file asked the go command again")
	}
	want, _ := listRun(t, dir, "", "p/p.go")
	if !reflect.DeepEqual(got, want) || len(got.Findings) != 2 {
		t.Errorf("with the list cache: %+v\nwithout: %+v\n(want 2 findings)", got, want)
	}
}

// Whatever the answer depends on, changed, asks the go command again, and
// the result is that of a run without caches.
func TestListCacheMisses(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files []string          // named
		edit  map[string]string // after the first run
	}{
		// q's export data would be stale: p needs an int.
		{"dependency body", []string{"p/p.go"}, map[string]string{"q/q.go": "package q\n\nconst Q = \"one\"\n"}},
		{"import added", []string{"p/p.go"}, map[string]string{"p/p.go": "package p\n\nimport (\n\t\"fmt\"\n\n\t\"example.com/m/q\"\n)\n\nfunc F() map[string]int { return make(map[string]int) }\n\nvar _ int = q.Q\n\nvar _ = fmt.Sprint\n"}},
		{"build constraint", []string{"p/p.go"}, map[string]string{"p/p.go": "//go:build ignore\n\n" + listSrc}},
		{"file added", []string{"p/p.go"}, map[string]string{"p/p2.go": "package p\n\nfunc H() map[int]int { return make(map[int]int) }\n"}},
		{"go.mod", []string{"p/p.go"}, map[string]string{"go.mod": "module example.com/m\n\ngo 1.21\n"}},
		// r is checked with p's export data, which the edit changes.
		{"named file imported by another", []string{"p/p.go", "r/r.go"}, map[string]string{"p/p.go": "package p\n\nimport \"example.com/m/q\"\n\nfunc F() int { return 1 }\n\nvar _ int = q.Q\n"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := writeModule(t, map[string]string{"p/p.go": listSrc, "q/q.go": listDep, "r/r.go": listUser})
			cache := t.TempDir()
			listRun(t, dir, cache, tc.files...)
			for name, src := range tc.edit {
				write(t, filepath.Join(dir, name), src)
			}
			got, hit := listRun(t, dir, cache, tc.files...)
			if hit {
				t.Error("the list cache answered")
			}
			want, _ := listRun(t, dir, "", tc.files...)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("with the caches: %+v\nwithout: %+v", got, want)
			}
		})
	}
}
