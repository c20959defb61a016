package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// countSrc is a function with one capacity finding, on its line 4, to add
// to a file.
const countSrc = "\n// Count counts names.\nfunc Count(names []string) map[string]int {\n\tc := map[string]int{}\n\tfor _, n := range names {\n\t\tc[n] = 1\n\t}\n\treturn c\n}\n"

// gitModule makes a module with files, commits it, and returns its
// directory and a function that runs git in it.
func gitModule(t *testing.T, files map[string]string) (string, func(args ...string) string) {
	t.Helper()
	dir := module(t, files)
	gitRun := func(args ...string) string {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-c", "user.email=t@example.com", "-c", "user.name=t"}, args...)...)
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	gitRun("init", "-q")
	gitRun("add", ".")
	gitRun("commit", "-q", "-m", "old code")
	return dir, gitRun
}

func writeFile(t *testing.T, path, src string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
}

// findingLines lists the "path:line" of each finding in a text output.
func findingLines(stdout string) []string {
	var out []string
	for _, m := range regexp.MustCompile(`(?m)^(.+?\.go:\d+):\d+: \w+: `).FindAllStringSubmatch(stdout, -1) {
		out = append(out, m[1])
	}
	slices.Sort(out)
	return out
}

// Uncommitted changes count, and an untracked file is new as a whole, as
// golangci-lint's -new-from-rev (revgrep) has it; an ignored file is not.
func TestNewFromRevWorktreeAndUntracked(t *testing.T) {
	dir, _ := gitModule(t, map[string]string{"p/p.go": fillSrc, ".gitignore": "ignored.go\n"})
	writeFile(t, filepath.Join(dir, "p/p.go"), fillSrc+countSrc) // not committed
	writeFile(t, filepath.Join(dir, "p/new.go"), strings.ReplaceAll(fillSrc, "Index", "Index2"))
	writeFile(t, filepath.Join(dir, "p/ignored.go"), strings.ReplaceAll(fillSrc, "Index", "Index3"))

	if all := findingLines(mapfix(t, dir, "-q").stdout); len(all) != 4 {
		t.Fatalf("without -new-from-rev: %v", all)
	}
	r := mapfix(t, dir, "-q", "-new-from-rev", "HEAD")
	want := []string{"p/new.go:5", "p/p.go:14"}
	if got := findingLines(r.stdout); r.code != 1 || !slices.Equal(got, want) {
		t.Fatalf("exit %d, findings %v, want %v\n%s%s", r.code, got, want, r.stdout, r.stderr)
	}
}

// Whatever the user's git configuration, the diff is read right.
func TestNewFromRevGitConfig(t *testing.T) {
	// Lines 3 and 9 change around the old finding on line 5, which must
	// not count as changed even when git merges nearby hunks.
	edited := strings.Replace(fillSrc, "// Index maps names to their position.", "// Index maps each name to its position.", 1)
	edited = strings.Replace(edited, "\treturn m\n", "\treturn m // the index\n", 1)
	for _, config := range [][]string{
		nil,
		{"diff.noprefix", "true"},
		{"diff.mnemonicPrefix", "true"},
		{"diff.srcPrefix", "x/"},
		{"diff.dstPrefix", "y/"},
		{"diff.interHunkContext", "10"},
		{"diff.context", "10"},
		{"diff.relative", "true"},
		{"color.diff", "always"},
		{"color.ui", "always"},
		{"diff.external", "false"},
		{"core.quotePath", "true"},
	} {
		t.Run(strings.Join(config, "="), func(t *testing.T) {
			dir, gitRun := gitModule(t, map[string]string{"p/p.go": fillSrc})
			if config != nil {
				gitRun("config", config[0], config[1])
			}
			writeFile(t, filepath.Join(dir, "p/p.go"), edited+countSrc)
			r := mapfix(t, dir, "-q", "-new-from-rev", "HEAD")
			want := []string{"p/p.go:14"}
			if got := findingLines(r.stdout); r.code != 1 || !slices.Equal(got, want) {
				t.Fatalf("exit %d, findings %v, want %v\n%s%s", r.code, got, want, r.stdout, r.stderr)
			}
		})
	}
}

// An added line that starts with "++ " shows as "+++ " in the diff: it is a
// line of the file, not the header of another file.
func TestNewFromRevLineLikeAHeader(t *testing.T) {
	dir, _ := gitModule(t, map[string]string{"p/p.go": fillSrc})
	src := strings.Replace(fillSrc, "package p\n", "package p\n\nvar header = `\n++ b/p/other.go\n`\n", 1)
	writeFile(t, filepath.Join(dir, "p/p.go"), src+countSrc)
	r := mapfix(t, dir, "-q", "-new-from-rev", "HEAD")
	want := []string{"p/p.go:18"}
	if got := findingLines(r.stdout); r.code != 1 || !slices.Equal(got, want) {
		t.Fatalf("exit %d, findings %v, want %v\n%s%s", r.code, got, want, r.stdout, r.stderr)
	}
}

// File names that git quotes: non-ASCII, and a double quote, which git
// quotes whatever core.quotePath says.
func TestNewFromRevQuotedNames(t *testing.T) {
	for _, name := range []string{"p/é.go", `p/a"b.go`, "p/tab\there.go"} {
		t.Run(name, func(t *testing.T) {
			dir, _ := gitModule(t, map[string]string{name: fillSrc})
			writeFile(t, filepath.Join(dir, name), fillSrc+countSrc)
			r := mapfix(t, dir, "-q", "-format", "json", "-new-from-rev", "HEAD")
			if r.code != 1 || strings.Count(r.stdout, `"rule": "capacity"`) != 1 || !strings.Contains(r.stdout, `"line": 14`) {
				t.Fatalf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
			}
		})
	}
}

// The working directory reached through a symbolic link: git names files
// under the real top level, the go command under the link.
func TestNewFromRevThroughSymlink(t *testing.T) {
	dir, _ := gitModule(t, map[string]string{"p/p.go": fillSrc})
	writeFile(t, filepath.Join(dir, "p/p.go"), fillSrc+countSrc)
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(dir, link); err != nil {
		t.Skip(err)
	}
	for _, wd := range []string{link, filepath.Join(link, "p")} {
		r := mapfix(t, wd, "-q", "-new-from-rev", "HEAD", "./...")
		if got := findingLines(r.stdout); r.code != 1 || len(got) != 1 || !strings.HasSuffix(got[0], "p.go:14") {
			t.Fatalf("in %s: exit %d, findings %v\n%s%s", wd, r.code, got, r.stdout, r.stderr)
		}
	}
}

// A //line directive changes the line a finding is reported at, not the
// line it is on in the file, which is what git diffs.
func TestNewFromRevLineDirective(t *testing.T) {
	old := "package p\n\n//line gen.y:500\nfunc F() {}\n"
	dir, _ := gitModule(t, map[string]string{"p/p.go": old})
	writeFile(t, filepath.Join(dir, "p/p.go"), old+countSrc)
	r := mapfix(t, dir, "-q", "-new-from-rev", "HEAD")
	if r.code != 1 || strings.Count(r.stdout, ": capacity: ") != 1 {
		t.Fatalf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}
