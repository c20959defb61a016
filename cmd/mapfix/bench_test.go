package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// bench/hook.sh runs from any directory, on a repository named by any of
// its directories, with files relative to its top level.
func TestBenchHookScript(t *testing.T) {
	if testing.Short() {
		t.Skip("runs mapfix eleven times")
	}
	if _, err := exec.LookPath("/usr/bin/time"); err != nil {
		t.Skip("no /usr/bin/time")
	}
	script, err := filepath.Abs(filepath.Join("..", "..", "bench", "hook.sh"))
	if err != nil {
		t.Fatal(err)
	}
	dir, _ := gitModule(t, map[string]string{"p/p.go": fillSrc})
	cmd := exec.Command("bash", script, filepath.Join(dir, "p"), "p/p.go")
	cmd.Dir = t.TempDir() // not this repository: the script builds mapfix from its own
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "cached median: ") || !strings.Contains(string(out), "edited median: ") ||
		!strings.Contains(string(out), "fresh median: ") || strings.Count(string(out), "run ") != 15 {
		t.Fatalf("%v\n%s", err, out)
	}
	// The edited runs append to the file; the script puts it back.
	if src, err := os.ReadFile(filepath.Join(dir, "p", "p.go")); err != nil || string(src) != fillSrc {
		t.Errorf("p/p.go after the script: %v\n%s", err, src)
	}
	// A mapfix run that fails (a flag after the files): no timing.
	cmd = exec.Command("bash", script, dir, "p/p.go", "-bad-flag")
	cmd.Env = append(os.Environ(), "MAPFIX="+binary) // built already, by TestMain
	cmd.Dir = t.TempDir()
	if out, err := cmd.CombinedOutput(); err == nil || strings.Contains(string(out), "median") {
		t.Fatalf("a failing mapfix was timed: %v\n%s", err, out)
	}
}
