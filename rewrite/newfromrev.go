package rewrite

import (
	"bufio"
	"bytes"
	"fmt"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// changedLines tells which lines changed since a git revision, as
// golangci-lint's -new-from-rev does: the lines `git diff REV` adds or
// changes in the working tree, and every line of untracked files.
type changedLines struct {
	lines map[string]map[int]bool // absolute path → changed lines
	whole map[string]bool         // untracked files: every line is new
}

func (c *changedLines) has(path string, line int) bool {
	return c.whole[path] || c.lines[path][line]
}

func git(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("git %s: %v: %s", strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return out, nil
}

func newChangedLines(dir, rev string) (*changedLines, error) {
	top, err := git(dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return nil, err
	}
	root := strings.TrimSpace(string(top))
	diff, err := git(root, "diff", "--no-color", "--no-ext-diff", "--no-renames", "-U0", rev, "--")
	if err != nil {
		return nil, err
	}
	c := &changedLines{lines: map[string]map[int]bool{}, whole: map[string]bool{}}
	var file string
	sc := bufio.NewScanner(bytes.NewReader(diff))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "+++ "):
			file = ""
			if name, ok := strings.CutPrefix(line, "+++ b/"); ok {
				file = filepath.Join(root, filepath.FromSlash(name))
				c.lines[file] = map[int]bool{}
			}
		case strings.HasPrefix(line, "@@ ") && file != "":
			// @@ -a,b +start,count @@
			fields := strings.Fields(line)
			if len(fields) < 3 {
				continue
			}
			start, count, _ := strings.Cut(strings.TrimPrefix(fields[2], "+"), ",")
			s, err := strconv.Atoi(start)
			if err != nil {
				continue
			}
			n := 1
			if count != "" {
				n, _ = strconv.Atoi(count)
			}
			for l := s; l < s+n; l++ {
				c.lines[file][l] = true
			}
		}
	}
	untracked, err := git(root, "ls-files", "--others", "--exclude-standard", "-z")
	if err != nil {
		return nil, err
	}
	for _, name := range strings.Split(string(untracked), "\x00") {
		if name != "" {
			c.whole[filepath.Join(root, filepath.FromSlash(name))] = true
		}
	}
	return c, nil
}
