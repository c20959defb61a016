package golangci_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// golangciLintVersion is the golangci-lint the end-to-end test builds.
const golangciLintVersion = "v2.15.0"

// pluginsGo is the file `golangci-lint custom` writes over
// cmd/golangci-lint/plugins.go (pkg/commands/internal/imports.go in
// golangci-lint), for a .custom-gcl.yml whose one plugin imports
// github.com/mapfix/mapfix/golangci.
const pluginsGo = `package main

import (
	_ "github.com/mapfix/mapfix/golangci"
)
`

// The module the built golangci-lint checks: one capacity finding and one
// nilmap finding, both with a fix.
const (
	e2eGoMod = "module example.com/e2e\n\ngo 1.22\n"
	e2eMain  = `// Command e2e has a map that should be sized and one that is nil.
package main

import (
	"fmt"
	"strings"
)

func squares(n int) map[int]int {
	sq := make(map[int]int)
	for i := range n {
		sq[i] = i * i
	}
	return sq
}

func main() {
	var counts map[string]int
	for _, w := range strings.Fields("to be or not to be") {
		counts[w]++
	}
	fmt.Println(len(squares(10)), counts["to"])
}
`
	e2eGolangciYML = `version: "2"
linters:
  default: none
  enable:
    - mapfix
  settings:
    custom:
      mapfix:
        type: module
        description: finds and fixes map misuse
        settings:
          rules: [%s]
`
)

// TestCustomGolangciLint builds golangci-lint with the plugin the way
// `golangci-lint custom` does, from golangci-lint's module as the Go module
// proxy serves it instead of a git clone: the source with plugins.go
// importing this package, a replace of mapfix by this work tree, go mod
// tidy, go build. Then it runs the binary on a module with a capacity bug
// and a nilmap bug, with and without --fix, and with a bad rule name.
//
// It takes minutes (building golangci-lint) and needs the module proxy;
// -short skips it.
func TestCustomGolangciLint(t *testing.T) {
	if testing.Short() {
		t.Skip("builds golangci-lint: skipped with -short")
	}
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("no go command: %v", err)
	}
	mapfixRoot, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(mapfixRoot, "go.mod")); err != nil {
		t.Fatalf("mapfix's module root: %v", err)
	}

	// Stop the commands a little before go test's deadline, to fail with a
	// message rather than a panic.
	ctx := t.Context()
	if d, ok := t.Deadline(); ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithDeadline(ctx, d.Add(-20*time.Second))
		defer cancel()
	}
	tmp := t.TempDir()
	env := append(os.Environ(),
		"GOWORK=off",
		"GOLANGCI_LINT_CACHE="+filepath.Join(tmp, "lint-cache"),
	)
	run := func(dir string, name string, args ...string) ([]byte, error) {
		t.Helper()
		start := time.Now()
		cmd := exec.CommandContext(ctx, name, args...)
		cmd.Dir = dir
		cmd.Env = env
		cmd.WaitDelay = 10 * time.Second
		var out bytes.Buffer
		cmd.Stdout = &out
		cmd.Stderr = &out
		err := cmd.Run()
		t.Logf("%s %s: %v", filepath.Base(name), strings.Join(args, " "), time.Since(start).Round(100*time.Millisecond))
		if ctx.Err() != nil {
			t.Fatalf("%s %s did not finish before the test's deadline: give go test a longer -timeout\n%s", name, strings.Join(args, " "), out.Bytes())
		}
		return out.Bytes(), err
	}
	must := func(dir string, name string, args ...string) []byte {
		t.Helper()
		out, err := run(dir, name, args...)
		if err != nil {
			t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
		}
		return out
	}

	// golangci-lint's source, from the module proxy.
	out := must(tmp, goCmd, "mod", "download", "-json", "github.com/golangci/golangci-lint/v2@"+golangciLintVersion)
	var mod struct{ Dir, Error string }
	if err := json.Unmarshal(out, &mod); err != nil || mod.Dir == "" {
		t.Fatalf("go mod download: %v %s\n%s", err, mod.Error, out)
	}
	src := filepath.Join(tmp, "golangci-lint")
	if err := os.CopyFS(src, os.DirFS(mod.Dir)); err != nil { // writable copies
		t.Fatal(err)
	}
	plugins := filepath.Join(src, "cmd", "golangci-lint", "plugins.go")
	if _, err := os.Stat(plugins); err != nil {
		t.Fatalf("golangci-lint %s has no plugins.go to write: %v", golangciLintVersion, err)
	}
	if err := os.WriteFile(plugins, []byte(pluginsGo), 0o644); err != nil {
		t.Fatal(err)
	}
	must(src, goCmd, "mod", "edit", "-require", "github.com/mapfix/mapfix@v0.0.0", "-replace", "github.com/mapfix/mapfix="+mapfixRoot)
	must(src, goCmd, "mod", "tidy")
	bin := filepath.Join(tmp, "custom-gcl")
	start := time.Now()
	must(src, goCmd, "build", "-ldflags", "-s -w", "-o", bin, "./cmd/golangci-lint")
	t.Logf("built golangci-lint %s with the plugin in %v", golangciLintVersion, time.Since(start).Round(time.Second))

	// A module to check.
	work := filepath.Join(tmp, "work")
	if err := os.Mkdir(work, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name, content string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(work, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", e2eGoMod)
	write("main.go", e2eMain)
	lint := func(rules string, args ...string) (string, int) {
		t.Helper()
		write(".golangci.yml", fmt.Sprintf(e2eGolangciYML, rules))
		out, err := run(work, bin, append([]string{"run"}, args...)...)
		code := 0
		if err != nil {
			var exit *exec.ExitError
			if !errors.As(err, &exit) {
				t.Fatalf("running golangci-lint: %v", err)
			}
			code = exit.ExitCode()
		}
		return string(out), code
	}

	capacityFinding := "main.go:10:8: capacity: map sq is filled with n entries right after it is made; give make a size hint (mapfix)"
	nilmapFinding := "main.go:20:3: nilmap: counts is nil here: it is declared without a value at line 18, and nothing assigns it before this write (mapfix)"

	t.Run("findings", func(t *testing.T) {
		out, code := lint("capacity, nilmap", "./...")
		if code != 1 {
			t.Errorf("exit status %d, want 1 (issues found)", code)
		}
		for _, want := range []string{capacityFinding, nilmapFinding, "2 issues"} {
			if !strings.Contains(out, want) {
				t.Errorf("the output lacks %q:\n%s", want, out)
			}
		}
	})

	t.Run("one rule", func(t *testing.T) {
		out, code := lint("nilmap", "./...")
		if code != 1 || !strings.Contains(out, nilmapFinding) || strings.Contains(out, "capacity:") {
			t.Errorf("with rules [nilmap]: exit status %d, want 1 and the nilmap finding alone:\n%s", code, out)
		}
	})

	t.Run("unknown rule", func(t *testing.T) {
		out, code := lint("capacity, capacty", "./...")
		want := `unknown rule "capacty" in rules`
		if code == 0 || code == 1 || !strings.Contains(out, want) {
			t.Errorf("exit status %d, want a failed run whose output has %q:\n%s", code, want, out)
		}
	})

	t.Run("fix", func(t *testing.T) {
		defer write("main.go", e2eMain)
		out, code := lint("capacity, nilmap", "--fix", "./...")
		if code != 0 {
			t.Errorf("--fix: exit status %d, want 0 (all fixed):\n%s", code, out)
		}
		got, err := os.ReadFile(filepath.Join(work, "main.go"))
		if err != nil {
			t.Fatal(err)
		}
		want := strings.NewReplacer(
			"sq := make(map[int]int)\n", "sq := make(map[int]int, n)\n",
			"var counts map[string]int\n", "counts := make(map[string]int)\n",
		).Replace(e2eMain)
		if string(got) != want {
			t.Errorf("after --fix, main.go is\n%s\nwant\n%s", got, want)
		}
	})
}
