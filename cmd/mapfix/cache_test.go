package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const cachedNote = "(the result of an earlier run: nothing changed)"

// A dry run again on unchanged files prints the same, from the cache, and
// says so in its summary; -w is never served from the cache, and the run
// after it sees the fixed files.
func TestResultCache(t *testing.T) {
	cache := t.TempDir()
	t.Setenv("MAPFIX_CACHE", cache)
	dir := module(t, map[string]string{"p/p.go": fillSrc, "q/q.go": cleanSrc})
	for _, tc := range []struct {
		args   []string
		cached bool // the first run too: what it prints comes from a result cached before
	}{
		{[]string{"./..."}, false},
		{[]string{"p/p.go"}, false},
		{[]string{"-format", "sarif", "./..."}, false}, // edits per finding: another result
		{[]string{"-d", "./..."}, true},                // the result of ./..., printed otherwise
	} {
		args := tc.args
		first := mapfix(t, dir, args...)
		second := mapfix(t, dir, args...)
		if strings.Contains(first.stderr, cachedNote) != tc.cached || !strings.Contains(second.stderr, cachedNote) {
			t.Errorf("%v: first run's summary:\n%s\nsecond run's:\n%s\nwant the note %q on the second (and the first: %v)", args, first.stderr, second.stderr, cachedNote, tc.cached)
		}
		if first.stdout != second.stdout || first.code != second.code || first.code != 1 {
			t.Errorf("%v: cached run differs: exit %d then %d, stdout\n%s\nthen\n%s", args, first.code, second.code, first.stdout, second.stdout)
		}
	}
	w := mapfix(t, dir, "-w", "./...")
	if w.code != 0 || strings.Contains(w.stderr, cachedNote) {
		t.Fatalf("-w: exit %d, stderr:\n%s", w.code, w.stderr)
	}
	if src, _ := os.ReadFile(filepath.Join(dir, "p", "p.go")); string(src) == fillSrc {
		t.Fatal("-w wrote nothing")
	}
	if r := mapfix(t, dir, "./..."); r.code != 0 || r.stdout != "" || strings.Contains(r.stderr, cachedNote) {
		t.Errorf("dry run after -w: exit %d, stdout %q, stderr:\n%s\nwant a fresh run that finds nothing", r.code, r.stdout, r.stderr)
	}
}

// Without MAPFIX_CACHE the cache is mapfix in the user's cache directory;
// MAPFIX_CACHE=off turns it off.
func TestResultCacheLocation(t *testing.T) {
	home := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", home)
	t.Setenv("HOME", home)
	t.Setenv("MAPFIX_CACHE", "")
	dir := module(t, map[string]string{"p/p.go": fillSrc})
	mapfix(t, dir)
	if es, err := os.ReadDir(filepath.Join(home, "mapfix")); err != nil || len(es) == 0 {
		t.Errorf("no entry in $XDG_CACHE_HOME/mapfix: %v", err)
	}
	t.Setenv("MAPFIX_CACHE", "off")
	if r := mapfix(t, dir); strings.Contains(r.stderr, cachedNote) {
		t.Errorf("MAPFIX_CACHE=off served a cached result:\n%s", r.stderr)
	}
}
