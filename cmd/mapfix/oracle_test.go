package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// The behaviour oracles run each case program before and after mapfix
// fixes it: the proof that a fix is right, not only what we expected it to
// print.

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

// fixCases names the cases of rule that mapfix fixes: all but the no_ and
// nofix_ cases.
func fixCases(t *testing.T, rule string) []string {
	t.Helper()
	dirs, _ := filepath.Glob(filepath.Join(caseDir(rule), "*"))
	var names []string
	for _, d := range dirs {
		if n := filepath.Base(d); !strings.HasPrefix(n, "no_") && !strings.HasPrefix(n, "nofix_") {
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

// oracle is every case of a rule in one module (as rulesModule makes it),
// built before and after one mapfix -w over the cases to fix. One go build
// and one mapfix run per step serve every case: a module per case would pay
// the go command's and the loader's start-up, and a link, once per case and
// per step, which made these tests the slowest of the repository.
type oracle struct {
	mod           string // the module, fixed
	before, after string // the case binaries, each named after its case
}

// newOracle builds the cases named built, fixes the cases named fixed with
// mapfix -w -rules rule (which must fix everything it finds), builds them
// again, and checks that a second mapfix run finds nothing more to fix.
// buildFlags go to both builds (-race).
func newOracle(t *testing.T, rule string, built, fixed []string, buildFlags ...string) *oracle {
	t.Helper()
	mod := rulesModule(t, rule)
	o := &oracle{mod: mod, before: t.TempDir(), after: t.TempDir()}
	goBuild(t, mod, o.before, buildFlags, built)
	if len(fixed) == 0 {
		return o
	}
	pkgs := casePatterns(fixed)
	if r := mapfix(t, mod, append([]string{"-q", "-rules", rule, "-w"}, pkgs...)...); r.code != 0 {
		t.Fatalf("mapfix -w: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	goBuild(t, mod, o.after, buildFlags, fixed)
	if r := mapfix(t, mod, append([]string{"-rules", rule}, pkgs...)...); r.code != 0 {
		t.Errorf("second run: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	return o
}

func casePatterns(names []string) []string {
	pkgs := make([]string, len(names))
	for i, n := range names {
		pkgs[i] = "./" + n
	}
	return pkgs
}

// goBuild builds the case packages named into the directory out, in one go
// command.
func goBuild(t *testing.T, mod, out string, flags, names []string) {
	t.Helper()
	args := slices.Concat([]string{"build", "-o", out + string(filepath.Separator)}, flags, casePatterns(names))
	if _, stderr, code := goTool(t, mod, args...); code != 0 {
		t.Fatalf("go %s: exit %d\n%s", strings.Join(args, " "), code, stderr)
	}
}

// run runs case name's binary, built before the fix or after it, and
// returns its output (stdout and stderr) and its error.
func (o *oracle) run(name string, fixed bool, args ...string) (string, error) {
	dir := o.before
	if fixed {
		dir = o.after
	}
	out, err := exec.Command(filepath.Join(dir, name), args...).CombinedOutput()
	return string(out), err
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
	names := fixCases(t, "capacity")
	o := newOracle(t, "capacity", names, names)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			before, err := o.run(name, false)
			if err != nil {
				t.Fatalf("before the fix: %v\n%s", err, before)
			}
			after, err := o.run(name, true)
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
		})
	}
}
