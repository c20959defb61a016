package main

import (
	"bytes"
	"compress/gzip"
	"errors"
	"flag"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Every test package takes -update, so that go test ./... -update works.
var _ = flag.Bool("update", false, "rewrite golden files (none in this package)")

// These tests run the built binary, as users and their scripts do.
var binary string

func TestMain(m *testing.M) {
	// Each test sees a fresh run, and no test writes to the user's cache;
	// cache_test.go sets its own.
	os.Setenv("MAPFIX_CACHE", "off")
	dir, err := os.MkdirTemp("", "mapfix-bin")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "mapfix")
	if out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput(); err != nil {
		os.Stderr.Write(out)
		panic(err)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

const fillSrc = `package p

// Index maps names to their position.
func Index(names []string) map[string]int {
	m := make(map[string]int) // filled below
	for i, n := range names {
		m[n] = i
	}
	return m
}
`

const cleanSrc = `package q

func Q() map[int]int { return make(map[int]int, 4) }
`

func module(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	files["go.mod"] = "module example.com/m\n\ngo 1.22\n"
	for name, src := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

type result struct {
	stdout, stderr string
	code           int
}

func mapfix(t *testing.T, dir string, args ...string) result {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Dir = dir
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{out.String(), errb.String(), code}
}

func TestCleanExitsZero(t *testing.T) {
	dir := module(t, map[string]string{"q/q.go": cleanSrc})
	if r := mapfix(t, dir); r.code != 0 || r.stdout != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
}

func TestDryRunPrintsFindingsAndDiff(t *testing.T) {
	dir := module(t, map[string]string{"p/p.go": fillSrc, "q/q.go": cleanSrc})
	r := mapfix(t, dir, "./...")
	if r.code != 1 {
		t.Fatalf("exit %d, want 1; stderr %s", r.code, r.stderr)
	}
	if !regexp.MustCompile(`(?m)^p/p\.go:5:7: capacity: .+$`).MatchString(r.stdout) {
		t.Errorf("no finding line in:\n%s", r.stdout)
	}
	if !strings.Contains(r.stdout, "--- a/p/p.go\n+++ b/p/p.go\n") || !strings.Contains(r.stdout, "+\tm := make(map[string]int, len(names)) // filled below\n") {
		t.Errorf("no diff in:\n%s", r.stdout)
	}
	if strings.Contains(r.stdout, "\x1b[") {
		t.Error("colour in output that is not a terminal")
	}
	if src, _ := os.ReadFile(filepath.Join(dir, "p/p.go")); string(src) != fillSrc {
		t.Error("a dry run wrote the file")
	}
}

func TestListOnly(t *testing.T) {
	dir := module(t, map[string]string{"p/p.go": fillSrc, "q/q.go": cleanSrc})
	if r := mapfix(t, dir, "-l"); r.code != 1 || r.stdout != "p/p.go\n" {
		t.Fatalf("exit %d, stdout %q", r.code, r.stdout)
	}
}

func TestDiffAppliesWithGit(t *testing.T) {
	dir := module(t, map[string]string{"p/p.go": fillSrc})
	r := mapfix(t, dir, "-d", "./...")
	if r.code != 1 || !strings.HasPrefix(r.stdout, "--- a/p/p.go\n") {
		t.Fatalf("exit %d, stdout %q", r.code, r.stdout)
	}
	patch := filepath.Join(t.TempDir(), "fix.patch")
	if err := os.WriteFile(patch, []byte(r.stdout), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"apply", "--check", patch}, {"apply", patch}} {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	if r := mapfix(t, dir); r.code != 0 {
		t.Fatalf("after applying the patch: exit %d\n%s", r.code, r.stdout)
	}
}

func TestWriteThenCleanSecondRun(t *testing.T) {
	dir := module(t, map[string]string{"p/p.go": fillSrc})
	if r := mapfix(t, dir, "-w"); r.code != 0 || r.stdout != "" {
		t.Fatalf("-w: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	src, _ := os.ReadFile(filepath.Join(dir, "p/p.go"))
	if !strings.Contains(string(src), "make(map[string]int, len(names)) // filled below") {
		t.Fatalf("not fixed:\n%s", src)
	}
	if r := mapfix(t, dir); r.code != 0 {
		t.Fatalf("second run: exit %d\n%s", r.code, r.stdout)
	}
}

func TestBrokenPackageDoesNotStopOthers(t *testing.T) {
	dir := module(t, map[string]string{
		"p/p.go":   fillSrc,
		"bad/b.go": "package bad\n\nfunc B() {\n\treturn 1 +\n}\n",
	})
	r := mapfix(t, dir, "-w", "./...")
	if r.code != 2 {
		t.Fatalf("exit %d, want 2; stderr %s", r.code, r.stderr)
	}
	if !regexp.MustCompile(`(?m)^bad/b\.go:\d+:\d+: `).MatchString(r.stderr) {
		t.Errorf("error does not name the file and line:\n%s", r.stderr)
	}
	if src, _ := os.ReadFile(filepath.Join(dir, "p/p.go")); !strings.Contains(string(src), "len(names)") {
		t.Error("the good package was not fixed")
	}
}

func TestFileArgumentsRestrictFindings(t *testing.T) {
	other := strings.ReplaceAll(fillSrc, "Index", "Other")
	dir := module(t, map[string]string{"p/p.go": fillSrc, "p/other.go": other, "q/q.go": cleanSrc})
	r := mapfix(t, dir, "p/other.go", "q/q.go")
	if r.code != 1 || strings.Contains(r.stdout, "p/p.go") || !strings.Contains(r.stdout, "p/other.go:") {
		t.Fatalf("exit %d, stdout:\n%s", r.code, r.stdout)
	}
	if r := mapfix(t, dir, "q/q.go"); r.code != 0 {
		t.Fatalf("clean file: exit %d, stdout:\n%s", r.code, r.stdout)
	}
}

func TestRunFailures(t *testing.T) {
	dir := module(t, map[string]string{"q/q.go": cleanSrc, "README.md": "# hi\n"})
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-nosuchflag"}, "flag provided but not defined"},
		{[]string{"-rules", "capacity,nosuch"}, `unknown rule "nosuch"`},
		{[]string{"./nosuchdir/..."}, ""},
		{[]string{"README.md"}, "README.md: not a Go file"},
		{[]string{"./...", "-w"}, "-w after the packages: flags must come before packages and files"},
		{[]string{"-q", "q/q.go", "-format=json"}, "-format=json after the packages: flags must come before"},
	} {
		r := mapfix(t, dir, tc.args...)
		if r.code != 2 || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("mapfix %v: exit %d, stderr %q; want 2 and %q", tc.args, r.code, r.stderr, tc.want)
		}
	}
}

func TestHelpTellsTheFlags(t *testing.T) {
	r := mapfix(t, t.TempDir(), "-help")
	for _, want := range []string{"usage: mapfix", "-w", "-l", "-d", "-rules", "-tags", "-tests", "capacity", "Exit status"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("help lacks %q:\n%s", want, r.stderr)
		}
	}
	if r.code != 0 {
		t.Errorf("exit %d", r.code)
	}
}

// A pre-commit hook may pass files from several packages and modules, and
// files that no longer exist.
func TestFilesFromSeveralModules(t *testing.T) {
	dir := module(t, map[string]string{
		"p/p.go":            fillSrc,
		"q/q.go":            cleanSrc,
		"tools/go.mod":      "module example.com/tools\n\ngo 1.22\n",
		"tools/gen/gen.go":  strings.ReplaceAll(fillSrc, "package p", "package gen"),
		"tools/gen/keep.go": "package gen\n",
	})
	r := mapfix(t, dir, "p/p.go", "q/q.go", "tools/gen/gen.go", "gone/deleted.go")
	if r.code != 1 {
		t.Fatalf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	for _, want := range []string{"p/p.go:5:7: capacity:", "tools/gen/gen.go:5:7: capacity:", "--- a/tools/gen/gen.go"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("no %q in\n%s", want, r.stdout)
		}
	}
	if !strings.Contains(r.stderr, "gone/deleted.go: no such file; skipped") {
		t.Errorf("stderr: %s", r.stderr)
	}
	if r := mapfix(t, dir, "gone/deleted.go"); r.code != 0 {
		t.Errorf("only a deleted file: exit %d", r.code)
	}
	r = mapfix(t, dir, "-w", "p/p.go", "tools/gen/gen.go")
	if r.code != 0 {
		t.Fatalf("-w: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := mapfix(t, dir, "p/p.go", "tools/gen/gen.go"); r.code != 0 {
		t.Fatalf("after -w: exit %d\n%s", r.code, r.stdout)
	}
}

// A file in a package that does not type-check: a clear message, exit 2.
func TestFileInBrokenPackage(t *testing.T) {
	dir := module(t, map[string]string{"bad/b.go": "package bad\n\nfunc B() int {\n\treturn \"x\"\n}\n"})
	r := mapfix(t, dir, "bad/b.go")
	if r.code != 2 || !strings.Contains(r.stderr, "bad/b.go:4:9: cannot use \"x\"") {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
}

// Every run ends with a summary on standard error, per rule.
func TestSummary(t *testing.T) {
	dir := module(t, map[string]string{"p/p.go": fillSrc, "bad/b.go": "package bad\n\nfunc B() int {\n\treturn \"x\"\n}\n"})
	r := mapfix(t, dir)
	for _, want := range []string{
		"mapfix: capacity   1 found, 1 fixable, 0 left\n",
		"mapfix: 1 file would change; 1 package checked, 1 failed to load; ",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("summary lacks %q:\n%s", want, r.stderr)
		}
	}
	r = mapfix(t, dir, "-w", "./p")
	if !strings.Contains(r.stderr, "mapfix: capacity   1 found, 1 fixed, 0 left\n") || !strings.Contains(r.stderr, "mapfix: 1 file changed; ") {
		t.Errorf("-w summary:\n%s", r.stderr)
	}
}

// The progress bar and colour show on a terminal only; -q silences the bar.
func TestProgressOnlyOnTerminal(t *testing.T) {
	dir := module(t, map[string]string{"p/p.go": fillSrc})
	if r := mapfix(t, dir); strings.Contains(r.stderr, "packages") && strings.Contains(r.stderr, "\r") {
		t.Errorf("a progress bar in a pipe:\n%q", r.stderr)
	}
	if _, err := exec.LookPath("script"); err != nil {
		t.Skip("no script(1) to run mapfix on a terminal")
	}
	// script(1) runs the command on a pseudo-terminal.
	onTTY := func(args string) string {
		cmd := exec.Command("script", "-qec", binary+" "+args, "/dev/null")
		cmd.Dir = dir
		out, _ := cmd.CombinedOutput()
		return string(out)
	}
	if out := onTTY(""); !strings.Contains(out, "packages") || !strings.Contains(out, "/1") {
		t.Errorf("no progress bar on a terminal:\n%q", out)
	} else if !strings.Contains(out, "\x1b[32m+\tm := make(map[string]int, len(names))") {
		t.Errorf("no colour on a terminal:\n%q", out)
	}
	if out := onTTY("-q"); strings.Contains(out, "/1") {
		t.Errorf("-q still shows the bar:\n%q", out)
	}
}

// README's first command runs mapfix on the demo: it must show a finding of
// every rule and the diff.
func TestDemo(t *testing.T) {
	r := mapfix(t, filepath.Join("..", ".."), "./testdata/demo")
	if r.code != 1 || !strings.Contains(r.stdout, "--- a/testdata/demo/demo.go\n") {
		t.Fatalf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	for _, rule := range []string{"capacity", "nilmap", "sharedmap"} {
		if !strings.Contains(r.stdout, ": "+rule+": ") {
			t.Errorf("no %s finding in the demo:\n%s", rule, r.stdout)
		}
	}
}

// A pre-commit hook passes every staged .go file, also those the build
// leaves out and those under testdata/: they are skipped with a warning
// that names them and says why, and do not fail the hook.
func TestFilesExcludedFromTheBuild(t *testing.T) {
	ignored := "//go:build ignore\n\n" + fillSrc
	dir := module(t, map[string]string{
		"p/p.go":            fillSrc,
		"p/gen.go":          ignored,
		"gen/gen.go":        ignored, // the only file of its directory
		"p/p_plan9.go":      strings.ReplaceAll(fillSrc, "Index", "Plan9"),
		"q/q_test.go":       strings.ReplaceAll(fillSrc, "package p", "package q"),
		"testdata/x/x.go":   "package x\n\nfunc X( {\n", // broken on purpose
		"p/testdata/fix.go": fillSrc,
	})
	skipped := map[string]string{
		"p/gen.go":          "build constraints",
		"gen/gen.go":        "build constraints",
		"p/p_plan9.go":      "build constraints",
		"q/q_test.go":       "-tests=false",
		"testdata/x/x.go":   "testdata",
		"p/testdata/fix.go": "testdata",
	}
	args := []string{"-q", "-tests=false"}
	for f := range skipped {
		args = append(args, f)
	}
	check := func(r result) {
		t.Helper()
		lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
		for f, why := range skipped {
			n := 0
			for _, l := range lines {
				if strings.HasPrefix(l, "mapfix: "+f+": ") && strings.Contains(l, why) && strings.HasSuffix(l, "; skipped") {
					n++
				}
			}
			if n != 1 {
				t.Errorf("want one warning for %s (%s), got %d:\n%s", f, why, n, r.stderr)
			}
		}
	}
	r := mapfix(t, dir, args...)
	if r.code != 0 || r.stdout != "" {
		t.Fatalf("only skipped files: exit %d, stdout %q, stderr:\n%s", r.code, r.stdout, r.stderr)
	}
	check(r)
	// With a file that has a finding: that finding alone, exit 1.
	r = mapfix(t, dir, append(args, "p/p.go")...)
	if got := findingLines(r.stdout); r.code != 1 || len(got) != 1 || got[0] != "p/p.go:5" {
		t.Fatalf("exit %d, findings %v\n%s%s", r.code, got, r.stdout, r.stderr)
	}
	check(r)
	// The hook that writes leaves the skipped files alone.
	if r := mapfix(t, dir, append([]string{"-w"}, args...)...); r.code != 0 {
		t.Fatalf("-w: exit %d\n%s", r.code, r.stderr)
	}
	if src, _ := os.ReadFile(filepath.Join(dir, "p/testdata/fix.go")); string(src) != fillSrc {
		t.Error("-w rewrote a file under testdata")
	}
}

// Files outside the working directory are named relative to it, as go vet
// names them, in findings, in -l and in the diff, which git apply takes
// (outside the working directory only with --unsafe-paths, by design).
func TestPathsOutsideTheWorkingDirectory(t *testing.T) {
	dir := module(t, map[string]string{"a/a.go": cleanSrc, "b/b.go": fillSrc})
	wd := filepath.Join(dir, "a")
	r := mapfix(t, wd, "-q", "../b")
	if r.code != 1 || !strings.Contains(r.stdout, "\n--- a/../b/b.go\n+++ b/../b/b.go\n") {
		t.Fatalf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if got := findingLines(r.stdout); len(got) != 1 || got[0] != "../b/b.go:5" {
		t.Errorf("findings %v", got)
	}
	if r := mapfix(t, wd, "-q", "-l", "../b"); r.stdout != "../b/b.go\n" {
		t.Errorf("-l: %q", r.stdout)
	}
	r = mapfix(t, wd, "-q", "-d", "../b")
	patch := filepath.Join(t.TempDir(), "fix.patch")
	if err := os.WriteFile(patch, []byte(r.stdout), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"apply", "--unsafe-paths", "--check", patch}, {"apply", "--unsafe-paths", patch}} {
		cmd := exec.Command("git", args...)
		cmd.Dir = wd
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	if r := mapfix(t, wd, "-q", "../b"); r.code != 0 {
		t.Fatalf("after git apply: exit %d\n%s", r.code, r.stdout)
	}
}

// README documents every flag that -help lists, and every format.
func TestREADMEDocumentsFlagsAndFormats(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	r := mapfix(t, t.TempDir(), "-help")
	flags := regexp.MustCompile(`(?m)^  -([\w-]+)`).FindAllStringSubmatch(r.stderr, -1)
	if len(flags) < 10 {
		t.Fatalf("too few flags in -help:\n%s", r.stderr)
	}
	for _, f := range flags {
		if !regexp.MustCompile("(?m)^\\| `-" + f[1] + "[ `=]").Match(readme) {
			t.Errorf("README's flag table lacks -%s", f[1])
		}
	}
	for name := range formats {
		if !strings.Contains(string(readme), "- `"+name+"`") && !strings.Contains(string(readme), "`"+name+"` / ") && !strings.Contains(string(readme), "/ `"+name+"`") {
			t.Errorf("README's output formats lack %s", name)
		}
	}
}

// -memprofile writes a heap profile (gzipped protobuf, as pprof reads it)
// and changes nothing else of the run.
func TestMemProfile(t *testing.T) {
	dir := module(t, map[string]string{"p/p.go": fillSrc})
	plain := mapfix(t, dir, "./...")
	prof := filepath.Join(t.TempDir(), "heap.prof")
	r := mapfix(t, dir, "-memprofile", prof, "./...")
	if r.code != plain.code || r.stdout != plain.stdout {
		t.Fatalf("with -memprofile: exit %d, stdout %q; without: exit %d, stdout %q", r.code, r.stdout, plain.code, plain.stdout)
	}
	f, err := os.Open(prof)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		t.Fatalf("%s is not a pprof profile: %v", prof, err)
	}
	if b, err := io.ReadAll(z); err != nil || len(b) == 0 {
		t.Fatalf("%s: %d bytes of profile, %v", prof, len(b), err)
	}
	if r := mapfix(t, dir, "-memprofile", filepath.Join(dir, "no", "such", "dir", "heap.prof"), "./..."); r.code != 2 || !strings.Contains(r.stderr, "heap.prof") {
		t.Errorf("unwritable -memprofile: exit %d, stderr %q; want 2 and the file named", r.code, r.stderr)
	}
}
