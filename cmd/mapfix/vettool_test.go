package main

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/mapfix/mapfix/rules/all"
)

// These tests run mapfix as the go command runs it, as its vet tool and its
// fix tool, over every golden case: go vet must print the findings of the
// golden files, and go fix must leave the files that mapfix -w writes.

// rulesModule copies every case of rule into a module of its own, one
// package per case. The module has the path of the rule's testdata folder,
// so that a case's import of a package of its own resolves as it does in
// this module.
func rulesModule(t *testing.T, rule string) string {
	t.Helper()
	dir := t.TempDir()
	src := caseDir(rule)
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dir, rel), 0o755)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	files, err := caseModFiles()
	if err != nil {
		t.Fatal(err)
	}
	for name, b := range files {
		if name == "go.mod" {
			b = bytes.Replace(b, []byte("module oracle\n"), []byte("module github.com/mapfix/mapfix/testdata/"+rule+"\n"), 1)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// goTool runs the go command in dir and returns its output and exit code.
func goTool(t *testing.T, dir string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errb.String(), code
}

var vetLine = regexp.MustCompile(`^(\S+\.go):(\d+):(\d+): (.*)$`)

// TestVetToolPrintsGoldenFindings: go vet -vettool=mapfix -<rule> prints,
// for every case of the rule, the findings of its golden file: the same
// positions and messages (vet prints no rule name; the message carries the
// reason when there is no fix, as mapfix prints it).
func TestVetToolPrintsGoldenFindings(t *testing.T) {
	for _, r := range all.Rules() {
		t.Run(r.Name, func(t *testing.T) {
			t.Parallel()
			dir := rulesModule(t, r.Name)
			_, stderr, code := goTool(t, dir, "vet", "-vettool="+binary, "-"+r.Name, "./...")
			var got []string
			for _, l := range strings.Split(stderr, "\n") {
				if l == "" || strings.HasPrefix(l, "# ") {
					continue
				}
				if !vetLine.MatchString(l) {
					t.Errorf("go vet printed a line that is not a finding: %q", l)
					continue
				}
				got = append(got, l)
			}
			var want []string
			goldens, _ := filepath.Glob(filepath.Join("..", "..", "golden", r.Name, "*.findings"))
			if len(goldens) == 0 {
				t.Fatal("no golden files")
			}
			prefix := "testdata/" + r.Name + "/"
			for _, g := range goldens {
				b, err := os.ReadFile(g)
				if err != nil {
					t.Fatal(err)
				}
				for _, l := range strings.Split(strings.TrimSuffix(string(b), "\n"), "\n") {
					if l == "" {
						continue
					}
					m := vetLine.FindStringSubmatch(l)
					if m == nil || !strings.HasPrefix(m[1], prefix) || !strings.HasPrefix(m[4], r.Name+": ") {
						t.Fatalf("%s: unexpected golden line %q", g, l)
					}
					want = append(want, strings.TrimPrefix(m[1], prefix)+":"+m[2]+":"+m[3]+": "+strings.TrimPrefix(m[4], r.Name+": "))
				}
			}
			slices.Sort(got)
			slices.Sort(want)
			if wantCode := min(len(want), 1); code != wantCode {
				t.Errorf("go vet exited %d, want %d", code, wantCode)
			}
			if !slices.Equal(got, want) {
				t.Errorf("go vet findings differ from the golden files\n--- want\n%s\n--- got\n%s", strings.Join(want, "\n"), strings.Join(got, "\n"))
			}
			t.Logf("%d findings in %d cases", len(got), len(goldens))
		})
	}
}

// TestFixToolWritesWhatMapfixWrites: go fix -fixtool=mapfix -<rule> leaves
// every case of the rule as mapfix -w -rules <rule> leaves it, and
// go fix -diff prints a patch exactly when the golden files have a diff.
func TestFixToolWritesWhatMapfixWrites(t *testing.T) {
	for _, r := range all.Rules() {
		t.Run(r.Name, func(t *testing.T) {
			t.Parallel()
			diffs, _ := filepath.Glob(filepath.Join("..", "..", "golden", r.Name, "*.diff"))
			fixes := false // a report-only rule has no case to fix
			for _, d := range diffs {
				if fi, err := os.Stat(d); err == nil && fi.Size() > 0 {
					fixes = true
				}
			}
			byFix, byW := rulesModule(t, r.Name), rulesModule(t, r.Name)
			diff, stderr, code := goTool(t, byFix, "fix", "-diff", "-fixtool="+binary, "-"+r.Name, "./...")
			if patch := strings.Contains(diff, "+++ "); patch != fixes || (code != 0) != fixes {
				t.Errorf("go fix -diff: exit %d, patch %v; want a patch and a non-zero status exactly when the golden files have a diff (%v)\n%s%s", code, patch, fixes, diff, stderr)
			}
			if _, stderr, code := goTool(t, byFix, "fix", "-fixtool="+binary, "-"+r.Name, "./..."); code != 0 {
				t.Errorf("go fix: exit %d\n%s", code, stderr)
			}
			if res := mapfix(t, byW, "-q", "-w", "-rules", r.Name, "./..."); res.code > 1 {
				t.Fatalf("mapfix -w: exit %d\n%s", res.code, res.stderr)
			}
			files, _ := filepath.Glob(filepath.Join(byW, "*", "*.go"))
			changed := 0
			for _, w := range files {
				rel, _ := filepath.Rel(byW, w)
				wantB, _ := os.ReadFile(w)
				gotB, err := os.ReadFile(filepath.Join(byFix, rel))
				if err != nil {
					t.Fatal(err)
				}
				orig, _ := os.ReadFile(filepath.Join(caseDir(r.Name), rel))
				if !bytes.Equal(wantB, orig) {
					changed++
				}
				if !bytes.Equal(gotB, wantB) {
					t.Errorf("%s: go fix wrote\n%s\n--- mapfix -w wrote\n%s", rel, gotB, wantB)
				}
			}
			if (changed > 0) != fixes {
				t.Errorf("mapfix -w changed %d files of %d; the golden files have a diff: %v", changed, len(files), fixes)
			}
			t.Logf("%d files compared, %d changed", len(files), changed)
		})
	}
}

// TestVetToolRuleFlags: each rule is a flag of the vet tool, as vet's own
// analyzers are: -<rule>=false turns that rule off and leaves the others on.
func TestVetToolRuleFlags(t *testing.T) {
	dir := rulesModule(t, "capacity")
	if _, stderr, code := goTool(t, dir, "vet", "-vettool="+binary, "-capacity=false", "-nilmap=false", "-sharedmap=false", "./..."); code != 0 || stderr != "" {
		t.Errorf("every rule off: exit %d, want 0 and no output\n%s", code, stderr)
	}
	// A capacity case holds a nested map that nilmap reports.
	_, stderr, code := goTool(t, dir, "vet", "-vettool="+binary, "-nilmap=false", "./...")
	if code != 1 || !strings.Contains(stderr, "give make a size hint") || strings.Contains(stderr, "may be nil") {
		t.Errorf("-nilmap=false: exit %d, want 1 and capacity's findings, not nilmap's\n%s", code, stderr)
	}
	_, stderr, _ = goTool(t, dir, "vet", "-vettool="+binary, "./...")
	if !strings.Contains(stderr, "may be nil") {
		t.Errorf("all rules: nilmap's finding is missing\n%s", stderr)
	}
	out, err := exec.Command(binary, "-flags").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range all.Rules() {
		if !strings.Contains(string(out), `"Name": "`+r.Name+`"`) {
			t.Errorf("mapfix -flags does not declare -%s:\n%s", r.Name, out)
		}
	}
}
