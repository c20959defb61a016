package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestPreCommitHooks runs the real pre-commit framework on a repository
// that uses this repository's hooks, at its current commit.
func TestPreCommitHooks(t *testing.T) {
	// Outside CI a developer may lack pre-commit or a commit to point it
	// at; in CI (.ci/run installs it) the test must run.
	skip := t.Skipf
	if os.Getenv("CI") != "" {
		skip = t.Fatalf
	}
	if _, err := exec.LookPath("pre-commit"); err != nil {
		skip("pre-commit is not installed (apt-get install pre-commit)")
	}
	self := func(args ...string) string {
		out, err := exec.Command("git", args...).Output()
		if err != nil {
			skip("not in a git checkout of mapfix: %v", err)
		}
		return strings.TrimSpace(string(out))
	}
	root, rev := self("rev-parse", "--show-toplevel"), self("rev-parse", "HEAD")
	if out, _ := exec.Command("git", "-C", root, "show", rev+":.pre-commit-hooks.yaml").Output(); len(out) == 0 {
		skip("commit %s has no .pre-commit-hooks.yaml", rev)
	}

	dir := module(t, map[string]string{
		"p/p.go": fillSrc,
		// Files the hooks get and must not fail on: one the build
		// leaves out, and test inputs that do not even parse.
		"tools/gen.go":            "//go:build ignore\n\n" + strings.ReplaceAll(fillSrc, "package p", "package main"),
		"testdata/broken/x.go":    "package broken\n\nfunc X( {\n",
		".pre-commit-config.yaml": "repos:\n- repo: " + root + "\n  rev: " + rev + "\n  hooks:\n  - id: mapfix\n  - id: mapfix-fix\n",
	})
	gomodcache, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Fatal(err)
	}
	env := append(os.Environ(),
		"PRE_COMMIT_HOME="+filepath.Join(t.TempDir(), "pre-commit"),
		// pre-commit gives the hook its own GOPATH; share the module cache.
		"GOMODCACHE="+strings.TrimSpace(string(gomodcache)),
		"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com",
	)
	run := func(name string, args ...string) (string, bool) {
		t.Helper()
		cmd := exec.Command(name, args...)
		cmd.Dir, cmd.Env = dir, env
		out, err := cmd.CombinedOutput()
		if _, isExit := err.(*exec.ExitError); err != nil && !isExit {
			t.Fatal(err)
		}
		return string(out), err == nil
	}
	for _, args := range [][]string{{"init", "-q"}, {"add", "."}, {"commit", "-q", "-m", "code"}} {
		if out, ok := run("git", args...); !ok {
			t.Fatalf("git %v: %s", args, out)
		}
	}

	out, ok := run("pre-commit", "run", "--all-files", "mapfix")
	if ok || !strings.Contains(out, "p/p.go:5:7: capacity:") || !strings.Contains(out, "+\tm := make(map[string]int, len(names)) // filled below") {
		t.Fatalf("mapfix hook: passed=%v\n%s", ok, out)
	}
	if src, _ := os.ReadFile(filepath.Join(dir, "p/p.go")); string(src) != fillSrc {
		t.Fatal("the dry-run hook wrote the file")
	}
	out, ok = run("pre-commit", "run", "--all-files", "mapfix-fix")
	if ok || !strings.Contains(out, "files were modified by this hook") {
		t.Fatalf("mapfix-fix hook: passed=%v\n%s", ok, out)
	}
	if src, _ := os.ReadFile(filepath.Join(dir, "p/p.go")); !strings.Contains(string(src), "len(names)") {
		t.Fatalf("mapfix-fix did not fix:\n%s", src)
	}
	if out, ok := run("pre-commit", "run", "--all-files"); !ok {
		t.Fatalf("after the fix, the hooks still fail:\n%s", out)
	}
	if src, _ := os.ReadFile(filepath.Join(dir, "tools/gen.go")); strings.Contains(string(src), "len(names)") {
		t.Fatal("mapfix-fix rewrote a file the build leaves out")
	}
}
