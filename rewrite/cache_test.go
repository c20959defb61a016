package rewrite

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/mapfix/mapfix/rules"
)

const cacheSrc = `package p

import "example.com/m/q"

func F() map[string]int { return make(map[string]int) }

var _ = q.Q
`

const cacheDep = `package q

const Q = 1
`

// cachedToy runs the hint rule on dir with the result cache in cache.
func cachedToy(t *testing.T, dir, cache string, edit func(*Options)) *Result {
	t.Helper()
	opts := Options{Dir: dir, Rules: []*rules.Rule{hintRule("hint", "8")}, Cache: cache, Tests: true}
	if edit != nil {
		edit(&opts)
	}
	res, err := Run(opts)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func write(t *testing.T, path, src string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestCacheHitIsTheSameResult(t *testing.T) {
	dir := writeModule(t, map[string]string{"p/p.go": cacheSrc, "q/q.go": cacheDep})
	cache := t.TempDir()
	first := cachedToy(t, dir, cache, nil)
	if first.Cached || len(first.Findings) != 1 || len(first.Changes) != 1 {
		t.Fatalf("first run: cached %v, %d findings, %d changes; want a fresh run with 1 and 1", first.Cached, len(first.Findings), len(first.Changes))
	}
	second := cachedToy(t, dir, cache, nil)
	if !second.Cached {
		t.Fatal("second run on unchanged files was not served from the cache")
	}
	second.Cached = false
	if !reflect.DeepEqual(first, second) {
		t.Errorf("cached result differs:\nfresh  %+v\ncached %+v", first, second)
	}
	// Named files: a key of their own, the pre-commit call.
	file := filepath.Join(dir, "p", "p.go")
	if res := cachedToy(t, dir, cache, func(o *Options) { o.Args = []string{file} }); res.Cached {
		t.Error("a run on a named file took the result of the run on ./...")
	}
	if res := cachedToy(t, dir, cache, func(o *Options) { o.Args = []string{file} }); !res.Cached || len(res.Findings) != 1 {
		t.Errorf("second run on the named file: cached %v, %d findings", res.Cached, len(res.Findings))
	}
}

// Every input of a result, changed, misses; a file that no build reads
// does not.
func TestCacheMissesOnChange(t *testing.T) {
	dir := writeModule(t, map[string]string{"p/p.go": cacheSrc, "q/q.go": cacheDep})
	cache := t.TempDir()
	cachedToy(t, dir, cache, nil)
	hit := func(what string, want bool, edit func(*Options)) {
		t.Helper()
		res := cachedToy(t, dir, cache, edit)
		if res.Cached != want {
			t.Errorf("%s: cached = %v, want %v", what, res.Cached, want)
		}
	}
	write(t, filepath.Join(dir, "README.md"), "not read by a build\n")
	hit("a README added", true, nil)

	write(t, filepath.Join(dir, "q", "q.go"), cacheDep+"\nconst R = 2\n")
	hit("a dependency's file changed", false, nil)
	hit("the same again", true, nil)

	write(t, filepath.Join(dir, "q", "r.go"), "package q\n")
	hit("a file added to a dependency", false, nil)

	write(t, filepath.Join(dir, "go.mod"), "module example.com/m\n\ngo 1.23\n")
	hit("go.mod changed", false, nil)

	if err := os.Mkdir(filepath.Join(dir, "empty"), 0o755); err != nil {
		t.Fatal(err)
	}
	hit("an empty directory added", true, nil)

	hit("build tags", false, func(o *Options) { o.Tags = []string{"extra"} })
	hit("another rule", false, func(o *Options) { o.Rules = []*rules.Rule{hintRule("hint2", "8")} })
	hit("tests off", false, func(o *Options) { o.Tests = false })
	hit("edits per finding", false, func(o *Options) { o.FindingEdits = true })
	hit("another GOOS", false, func(o *Options) { o.Env = append(os.Environ(), "GOOS=plan9") })
	hit("back to the start", true, nil)

	// The key follows what the cache holds: a fresh result after a
	// change, not the old one.
	write(t, filepath.Join(dir, "p", "p.go"), "package p\n\nfunc F() map[string]int { return make(map[string]int, 8) }\n")
	if res := cachedToy(t, dir, cache, nil); res.Cached || len(res.Findings) != 0 {
		t.Errorf("after the fix by hand: cached %v, %d findings; want a fresh run with none", res.Cached, len(res.Findings))
	}
}

// A module that go.mod replaces by a directory outside the tree is an
// input too.
func TestCacheFollowsReplacedDirectory(t *testing.T) {
	root := t.TempDir()
	main, dep := filepath.Join(root, "main"), filepath.Join(root, "dep")
	write(t, filepath.Join(main, "go.mod"), "module example.com/m\n\ngo 1.22\n\nrequire example.com/dep v0.0.0\n\nreplace example.com/dep => ../dep\n")
	write(t, filepath.Join(main, "p", "p.go"), "package p\n\nimport \"example.com/dep\"\n\nfunc F() map[string]int { return make(map[string]int, dep.N) }\n")
	write(t, filepath.Join(dep, "go.mod"), "module example.com/dep\n\ngo 1.22\n")
	write(t, filepath.Join(dep, "dep.go"), "package dep\n\nconst N = 1\n")
	cache := t.TempDir()
	if res := cachedToy(t, main, cache, nil); res.Cached || len(res.Errors) > 0 {
		t.Fatalf("first run: cached %v, errors %v", res.Cached, res.Errors)
	}
	if res := cachedToy(t, main, cache, nil); !res.Cached {
		t.Fatal("second run not cached")
	}
	write(t, filepath.Join(dep, "dep.go"), "package dep\n\nconst N = 2\n")
	if res := cachedToy(t, main, cache, nil); res.Cached {
		t.Error("a change in the replacement directory hit the cache")
	}
}

// In a workspace, every module it uses is an input.
func TestCacheFollowsWorkspace(t *testing.T) {
	root := t.TempDir()
	write(t, filepath.Join(root, "go.work"), "go 1.22\n\nuse (\n\t./a\n\t./b\n)\n")
	write(t, filepath.Join(root, "a", "go.mod"), "module example.com/a\n\ngo 1.22\n")
	write(t, filepath.Join(root, "a", "a.go"), "package a\n\nimport \"example.com/b\"\n\nfunc F() map[string]int { return make(map[string]int, b.N) }\n")
	write(t, filepath.Join(root, "b", "go.mod"), "module example.com/b\n\ngo 1.22\n")
	write(t, filepath.Join(root, "b", "b.go"), "package b\n\nconst N = 1\n")
	cache := t.TempDir()
	a := filepath.Join(root, "a")
	if res := cachedToy(t, a, cache, nil); res.Cached || len(res.Errors) > 0 {
		t.Fatalf("first run: cached %v, errors %v", res.Cached, res.Errors)
	}
	if res := cachedToy(t, a, cache, nil); !res.Cached {
		t.Fatal("second run not cached")
	}
	write(t, filepath.Join(root, "b", "b.go"), "package b\n\nconst N = 2\n")
	if res := cachedToy(t, a, cache, nil); res.Cached {
		t.Error("a change in another module of the workspace hit the cache")
	}
}

// Writes, runs with errors and -new-from-rev are never served from the
// cache or stored in it.
func TestCacheKeepsOnlyCleanDryRuns(t *testing.T) {
	dir := writeModule(t, map[string]string{"p/p.go": cacheSrc, "q/q.go": cacheDep})
	cache := t.TempDir()
	cachedToy(t, dir, cache, nil)
	res := cachedToy(t, dir, cache, func(o *Options) { o.Write = true })
	if res.Cached || len(res.Written) != 1 {
		t.Fatalf("-w: cached %v, wrote %v; want a fresh run that writes p.go", res.Cached, res.Written)
	}
	entries := func() int {
		es, err := os.ReadDir(cache)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, e := range es {
			if e.Name() != "trim.txt" {
				n++
			}
		}
		return n
	}
	before := entries()

	write(t, filepath.Join(dir, "q", "q.go"), "package q\n\nconst Q = undefined\n")
	for i := range 2 {
		if res := cachedToy(t, dir, cache, nil); res.Cached || len(res.Errors) == 0 {
			t.Fatalf("run %d on a broken dependency: cached %v, errors %v", i+1, res.Cached, res.Errors)
		}
	}
	if n := entries(); n != before {
		t.Errorf("a run with errors was stored: %d entries, want %d", n, before)
	}
}

// A damaged entry is a miss, and the run stores a good one.
func TestCacheDamagedEntry(t *testing.T) {
	dir := writeModule(t, map[string]string{"p/p.go": cacheSrc, "q/q.go": cacheDep})
	cache := t.TempDir()
	cachedToy(t, dir, cache, nil)
	es, _ := os.ReadDir(cache)
	for _, e := range es {
		if e.Name() != "trim.txt" {
			write(t, filepath.Join(cache, e.Name()), "garbage")
		}
	}
	if res := cachedToy(t, dir, cache, nil); res.Cached || len(res.Findings) != 1 {
		t.Errorf("damaged entry: cached %v, %d findings; want a fresh run", res.Cached, len(res.Findings))
	}
	if res := cachedToy(t, dir, cache, nil); !res.Cached {
		t.Error("the entry was not stored again")
	}
}

// Entries unused for cacheKeepFor go when the cache is trimmed, once a
// day.
func TestCacheTrim(t *testing.T) {
	cache := t.TempDir()
	old, fresh := filepath.Join(cache, "old"), filepath.Join(cache, "fresh")
	write(t, old, "x")
	write(t, fresh, "x")
	long := time.Now().Add(-cacheKeepFor - time.Hour)
	if err := os.Chtimes(old, long, long); err != nil {
		t.Fatal(err)
	}
	cacheTrim(cache)
	if _, err := os.Stat(old); !os.IsNotExist(err) {
		t.Errorf("entry unused for %v not removed (%v)", cacheKeepFor, err)
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Errorf("fresh entry removed: %v", err)
	}
	// Trimmed a moment ago: not again today.
	write(t, old, "x")
	os.Chtimes(old, long, long)
	cacheTrim(cache)
	if _, err := os.Stat(old); err != nil {
		t.Errorf("trimmed twice in a day: %v", err)
	}
}
