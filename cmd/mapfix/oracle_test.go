package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// The behaviour oracles run each case program before and after mapfix
// fixes it: the proof that a fix is right, not only what we expected it to
// print.

// caseModule copies testdata/<rule>/<name> into a module of its own.
func caseModule(t *testing.T, rule, name string) string {
	t.Helper()
	src := caseDir(rule, name)
	dir := t.TempDir()
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	files, err := caseModFiles()
	if err != nil {
		t.Fatal(err)
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// caseModFiles returns the go.mod and go.sum of a case module, by name,
// made once for the cases that run in parallel. The case module requires
// what this module requires, with the same sums, so that a case can import
// golang.org/x/sync/errgroup as the golden test (which loads it inside this
// module) does.
var caseModFiles = sync.OnceValues(func() (map[string][]byte, error) {
	gomod, err := os.ReadFile(filepath.Join("..", "..", "go.mod"))
	if err != nil {
		return nil, err
	}
	goLine := regexp.MustCompile(`(?m)^go \S+$`).Find(gomod)
	var reqs []string
	for _, m := range regexp.MustCompile(`(?ms)^require \(\n.*?^\)\n`).FindAll(gomod, -1) {
		reqs = append(reqs, string(m))
	}
	mod := "module oracle\n\n" + string(goLine) + "\n\n" + strings.Join(reqs, "\n")
	sum, err := os.ReadFile(filepath.Join("..", "..", "go.sum"))
	return map[string][]byte{"go.mod": []byte(mod), "go.sum": sum}, err
})

// caseDir is the directory of a rule's cases, or of one case.
func caseDir(rule string, name ...string) string {
	return filepath.Join(append([]string{"..", "..", "testdata", rule}, name...)...)
}

func goRun(t *testing.T, dir string, args ...string) (string, error) {
	t.Helper()
	cmd := exec.Command("go", append([]string{"run"}, append(args, ".")...)...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	return string(out), err
}

func fixCases(t *testing.T, rule string) []string {
	t.Helper()
	dirs, _ := filepath.Glob(filepath.Join(caseDir(rule), "*"))
	var names []string
	for _, d := range dirs {
		if n := filepath.Base(d); !strings.HasPrefix(n, "no_") {
			names = append(names, n)
		}
	}
	if len(names) == 0 {
		t.Fatalf("no %s cases", rule)
	}
	return names
}

var allocsLine = regexp.MustCompile(`(?m)^allocs: ([0-9.]+)\n?\z`)

// splitAllocs separates a capacity case's output from its last line,
// "allocs: N", measured by testing.AllocsPerRun in the program.
func splitAllocs(t *testing.T, out string) (string, float64) {
	t.Helper()
	m := allocsLine.FindStringSubmatchIndex(out)
	if m == nil {
		t.Fatalf("output does not end with an allocs line:\n%s", out)
	}
	n, err := strconv.ParseFloat(out[m[2]:m[3]], 64)
	if err != nil {
		t.Fatal(err)
	}
	return out[:m[0]], n
}

// fixWith runs mapfix -w with rule on the case module dir, which must fix
// everything it finds.
func fixWith(t *testing.T, dir, rule string) {
	t.Helper()
	if r := mapfix(t, dir, "-rules", rule, "-w"); r.code != 0 {
		t.Fatalf("mapfix -w: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// recheck runs mapfix with rule again, which must find nothing more.
func recheck(t *testing.T, dir, rule string) {
	t.Helper()
	if r := mapfix(t, dir, "-rules", rule); r.code != 0 {
		t.Errorf("second run: exit %d\n%s", r.code, r.stdout)
	}
}

// wantOutput is what the case program prints once fixed: its want.txt.
func wantOutput(t *testing.T, rule, name string) string {
	t.Helper()
	want, err := os.ReadFile(filepath.Join(caseDir(rule, name), "want.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return string(want)
}

// TestCapacityOracle: a fixed case computes the same result with fewer
// allocations, and mapfix then finds nothing more to fix.
func TestCapacityOracle(t *testing.T) {
	for _, name := range fixCases(t, "capacity") {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := caseModule(t, "capacity", name)
			before, err := goRun(t, dir)
			if err != nil {
				t.Fatalf("before the fix: %v\n%s", err, before)
			}
			fixWith(t, dir, "capacity")
			after, err := goRun(t, dir)
			if err != nil {
				t.Fatalf("after the fix: %v\n%s", err, after)
			}
			outBefore, allocsBefore := splitAllocs(t, before)
			outAfter, allocsAfter := splitAllocs(t, after)
			if outBefore != outAfter {
				t.Errorf("output changed:\n--- before\n%s--- after\n%s", outBefore, outAfter)
			}
			if allocsAfter >= allocsBefore {
				t.Errorf("allocations: %v before, %v after; want fewer", allocsBefore, allocsAfter)
			}
			t.Logf("allocs %v -> %v", allocsBefore, allocsAfter)
			recheck(t, dir, "capacity")
		})
	}
}
