package rewrite

import (
	"bufio"
	"bytes"
	"fmt"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
)

// changedLines tells which lines changed since a git revision, as
// golangci-lint's -new-from-rev (revgrep) does: the lines `git diff REV`
// adds or changes in the working tree, and every line of untracked files
// (those .gitignore does not exclude). A file git does not list, because
// it is ignored or outside the repository, has no new lines.
//
// Paths are compared once symbolic links are resolved: git names files
// under the real top level of the repository, and the go command under the
// working directory, which may be reached through a link.
type changedLines struct {
	lines map[string]map[int]bool // real absolute path → changed lines
	whole map[string]bool         // untracked files: every line is new

	mu   sync.Mutex
	real map[string]string // path as the loader names it → real path
}

// has reports whether line (as counted in the file, ignoring //line
// directives) of the file at path is new.
func (c *changedLines) has(path string, line int) bool {
	path = c.resolve(path)
	return c.whole[path] || c.lines[path][line]
}

func (c *changedLines) resolve(path string) string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if r, ok := c.real[path]; ok {
		return r
	}
	r := realPath(path)
	c.real[path] = r
	return r
}

// realPath is path with symbolic links resolved, or path itself when it
// cannot be resolved (a file that no longer exists).
func realPath(path string) string {
	if r, err := filepath.EvalSymlinks(path); err == nil {
		return r
	}
	return filepath.Clean(path)
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

// gitDiffArgs make `git diff` print what the parser below expects,
// whatever the user's configuration says: file names unquoted (as far as
// git allows) and with a/ b/ prefixes, no colour, no external diff tool,
// no renames, and hunks without context that are never merged.
var gitDiffArgs = []string{
	"-c", "core.quotePath=off",
	"diff", "--no-color", "--no-ext-diff", "--no-renames", "--no-relative",
	"--src-prefix=a/", "--dst-prefix=b/",
	"-U0", "--inter-hunk-context=0",
}

func newChangedLines(dir, rev string) (*changedLines, error) {
	top, err := git(dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return nil, err
	}
	root := strings.TrimSpace(string(top))
	diff, err := git(root, append(gitDiffArgs, rev, "--")...)
	if err != nil {
		return nil, err
	}
	c := &changedLines{whole: map[string]bool{}, real: map[string]string{}}
	lines, err := parseDiff(diff)
	if err != nil {
		return nil, fmt.Errorf("reading git diff %s: %v", rev, err)
	}
	c.lines = make(map[string]map[int]bool, len(lines))
	for name, ls := range lines {
		c.lines[realPath(filepath.Join(root, filepath.FromSlash(name)))] = ls
	}
	untracked, err := git(root, "ls-files", "--others", "--exclude-standard", "-z")
	if err != nil {
		return nil, err
	}
	for _, name := range strings.Split(string(untracked), "\x00") {
		if name != "" {
			c.whole[realPath(filepath.Join(root, filepath.FromSlash(name)))] = true
		}
	}
	return c, nil
}

// parseDiff reads a unified diff (git's, with a/ b/ prefixes) and returns,
// per file of the new side (a slash-separated path relative to the top
// level), the lines it adds. It follows each hunk's line counts, so that
// an added line that happens to start with "++ " is not taken for a file
// header.
func parseDiff(diff []byte) (map[string]map[int]bool, error) {
	out := map[string]map[int]bool{}
	var file string    // "" for a deleted file
	var oldN, newN int // lines of the current hunk still to read
	var line int       // next line of the new side
	sc := bufio.NewScanner(bytes.NewReader(diff))
	sc.Buffer(nil, 1<<26)
	for sc.Scan() {
		text := sc.Text()
		if oldN > 0 || newN > 0 {
			switch {
			case strings.HasPrefix(text, "+"):
				if file != "" {
					out[file][line] = true
				}
				line++
				newN--
			case strings.HasPrefix(text, "-"):
				oldN--
			case strings.HasPrefix(text, " "), text == "":
				line++
				oldN--
				newN--
			case strings.HasPrefix(text, `\`): // \ No newline at end of file
			default:
				return nil, fmt.Errorf("unexpected line in a hunk: %q", text)
			}
			continue
		}
		switch {
		case strings.HasPrefix(text, "diff "):
			file = ""
		case strings.HasPrefix(text, "+++ "):
			name, err := diffPath(strings.TrimPrefix(text, "+++ "))
			if err != nil {
				return nil, err
			}
			file = ""
			if rest, ok := strings.CutPrefix(name, "b/"); ok {
				file = rest
				if out[file] == nil {
					out[file] = map[int]bool{}
				}
			}
		case strings.HasPrefix(text, "@@ "):
			// @@ -start[,count] +start[,count] @@
			fields := strings.Fields(text)
			if len(fields) < 4 {
				return nil, fmt.Errorf("bad hunk header %q", text)
			}
			var err error
			if _, oldN, err = hunkSide(fields[1], "-"); err != nil {
				return nil, err
			}
			if line, newN, err = hunkSide(fields[2], "+"); err != nil {
				return nil, err
			}
		}
	}
	return out, sc.Err()
}

// hunkSide parses one side of a hunk header, "-12,3" or "+7".
func hunkSide(s, sign string) (start, count int, err error) {
	rest, ok := strings.CutPrefix(s, sign)
	if !ok {
		return 0, 0, fmt.Errorf("bad hunk range %q", s)
	}
	a, b, hasCount := strings.Cut(rest, ",")
	if start, err = strconv.Atoi(a); err != nil {
		return 0, 0, fmt.Errorf("bad hunk range %q", s)
	}
	count = 1
	if hasCount {
		if count, err = strconv.Atoi(b); err != nil {
			return 0, 0, fmt.Errorf("bad hunk range %q", s)
		}
	}
	return start, count, nil
}

// diffPath reads the path of a ---/+++ line: git C-quotes a name that holds
// a control character, a double quote or a backslash (and, unless
// core.quotePath is off, any byte above 0x7f), in the escapes Go's string
// literals share. A name with a space is followed by a tab.
func diffPath(s string) (string, error) {
	if strings.HasPrefix(s, `"`) {
		end := 1
		for end < len(s) && s[end] != '"' {
			if s[end] == '\\' {
				end++
			}
			end++
		}
		if end >= len(s) {
			return "", fmt.Errorf("unterminated quoted path %s", s)
		}
		name, err := strconv.Unquote(s[:end+1])
		if err != nil {
			return "", fmt.Errorf("bad quoted path %s: %v", s, err)
		}
		return name, nil
	}
	name, _, _ := strings.Cut(s, "\t")
	return name, nil
}
