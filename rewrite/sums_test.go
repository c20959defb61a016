package rewrite

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"
)

// Files whose stat has not changed since their hash was recorded are not
// read again; a file edited behind an unchanged size and modification
// time still is (its change time moved), and so is a file modified just
// before its hash was recorded.
func TestSumsReuseUnchangedFiles(t *testing.T) {
	dir := writeModule(t, map[string]string{"p/p.go": cacheSrc, "q/q.go": cacheDep})
	old := time.Now().Add(-time.Hour)
	for _, f := range []string{"go.mod", "p/p.go", "q/q.go"} {
		if err := os.Chtimes(filepath.Join(dir, f), old, old); err != nil {
			t.Fatal(err)
		}
	}
	cache := t.TempDir()
	cachedToy(t, dir, cache, nil)
	before := sumsReused.Load()
	if res := cachedToy(t, dir, cache, nil); !res.Cached {
		t.Fatal("unchanged files: the result cache missed")
	}
	if n := sumsReused.Load() - before; n != 3 {
		t.Errorf("%d hashes reused, want the 3 files'", n)
	}

	// Same size, same modification time, other contents: the fix by hand.
	fixed := filepath.Join(dir, "p", "p.go")
	src := []byte(cacheSrc)
	copy(src[len(src)-len("q.Q\n"):], "q.R\n")
	os.WriteFile(fixed, src, 0o644)
	if err := os.Chtimes(fixed, old, old); err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "linux" {
		t.Skip("without a change time, an edit that keeps size and modification time is not seen")
	}
	if res := cachedToy(t, dir, cache, nil); res.Cached || len(res.Errors) == 0 {
		t.Errorf("an edit behind the same size and time: cached %v, errors %v; want a fresh run that finds q.R undefined", res.Cached, res.Errors)
	}

	// Modified within the racy window of the recording, then again with
	// the same size and time (a clock tick too coarse to tell them).
	write(t, fixed, cacheSrc)
	now := time.Now()
	os.Chtimes(fixed, now, now)
	cachedToy(t, dir, cache, nil) // records p.go's hash, racily
	before = sumsReused.Load()
	cachedToy(t, dir, cache, nil)
	if n := sumsReused.Load() - before; n != 2 {
		t.Errorf("%d hashes reused after a racy recording, want 2 (not p.go's)", n)
	}
}
