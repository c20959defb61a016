package rewrite

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// sameCode reports whether a and b hold the same Go tokens and comments
// (codeTokens), as spliceIndent asks of what it writes.
func sameCode(a, b []byte) bool {
	ta, tb := codeTokens(a), codeTokens(b)
	return ta != nil && tb != nil && slices.Equal(ta, tb)
}

// splice is spliceIndent on a whole file, with the file's own unit.
func splice(orig, base, fixed []byte) []byte {
	return spliceIndent(orig, base, fixed, indentUnit(orig))
}

func TestSpliceKeepsUnformattedNeighbours(t *testing.T) {
	orig := "a\n  b  \nc\nd\n"
	base := "a\nb\nc\nd\n"  // what the printer makes of orig
	fixed := "a\nb\nC\nd\n" // the fix changes c
	if got := splice([]byte(orig), []byte(base), []byte(fixed)); string(got) != "a\n  b  \nC\nd\n" {
		t.Fatalf("got %q", got)
	}
}

func TestSpliceGrowsToAnchors(t *testing.T) {
	// The fix inserts a line after b2, which the printer split from b1:
	// the insertion lands before c, the next line the original shares.
	orig := "a\nb1; b2\nc\n"
	base := "a\nb1\nb2\nc\n"
	fixed := "a\nb1\nb2\nnew\nc\n"
	if got := splice([]byte(orig), []byte(base), []byte(fixed)); string(got) != "a\nb1; b2\nnew\nc\n" {
		t.Fatalf("got %q", got)
	}
	// A changed line whose original differs only in spacing is replaced
	// alone.
	orig = "a\nb  =  1\nc\nd\n"
	base = "a\nb = 1\nc\nd\n"
	fixed = "a\nb = 2\nc\nd\n"
	if got := splice([]byte(orig), []byte(base), []byte(fixed)); string(got) != "a\nb = 2\nc\nd\n" {
		t.Fatalf("got %q", got)
	}
	// A changed line whose original the printer split takes its
	// unanchored neighbours with it, no more.
	orig = "a\nb; c\nd\n"
	base = "a\nb\nc\nd\n"
	fixed = "a\nb\nC\nd\n"
	if got := splice([]byte(orig), []byte(base), []byte(fixed)); string(got) != "a\nb\nC\nd\n" {
		t.Fatalf("got %q", got)
	}
}

// Lines a fix adds take the original's indentation, a unit per level; the
// lines of a raw string keep theirs.
func TestSpliceIndentsLikeTheOriginal(t *testing.T) {
	orig := "func f() {\n  x :=  1\n  if x {\n    y()\n  }\n}\n"
	base := "func f() {\n\tx := 1\n\tif x {\n\t\ty()\n\t}\n}\n"
	add := "\tif x {\n\t\tz := `a\n\tb`\n\t}\n"
	fixed := strings.Replace(base, "\tif x {\n", add+"\tif x {\n", 1)
	want := strings.Replace(orig, "  if x {\n", "  if x {\n    z := `a\n\tb`\n  }\n  if x {\n", 1)
	if got := splice([]byte(orig), []byte(base), []byte(fixed)); string(got) != want {
		t.Fatalf("got %q\nwant %q", got, want)
	}
	// A line changed in place keeps its own line's indentation.
	fixed = strings.NewReplacer("\tx := 1", "\tx := 2", "\t\ty()", "\t\ty(x)").Replace(base)
	want = strings.NewReplacer("  x :=  1", "  x := 2", "    y()", "    y(x)").Replace(orig)
	if got := splice([]byte(orig), []byte(base), []byte(fixed)); string(got) != want {
		t.Fatalf("got %q\nwant %q", got, want)
	}
}

func TestSpliceCRLFAndNoFinalNewline(t *testing.T) {
	orig := "a\r\nb\r\nc"
	base := "a\nb\nc\n"
	fixed := "a\nB\nb\nc\n"
	if got := splice([]byte(orig), []byte(base), []byte(fixed)); string(got) != "a\r\nB\r\nb\r\nc" {
		t.Fatalf("got %q", got)
	}
}

// FuzzSplice checks the invariants any input must keep: with no fix, the
// original comes back byte for byte; on a formatted original, the fixed
// text comes back as printed (up to spaces inside lines it only realigned);
// on an original that differs from the printed text in indentation only, it
// comes back with the same tokens per line.
func FuzzSplice(f *testing.F) {
	f.Add("package p\n\nfunc f() {\n\tx := 1\n}\n", "package p\n\nfunc f() {\n  x:=1\n}\n", 2, "\ty := 2\n")
	f.Add("a\r\nb\r\n", "a\nb\n", 0, "z\n")
	f.Add("", "x", 0, "")
	f.Fuzz(func(t *testing.T, base, orig string, at int, insert string) {
		if got := splice([]byte(orig), []byte(base), []byte(base)); string(got) != orig {
			t.Fatalf("no fix changed the original: %q -> %q", orig, got)
		}
		lines := splitLines([]byte(base))
		if len(lines) > 0 && !strings.HasSuffix(lines[len(lines)-1], "\n") {
			return // a fix appends after a last line without newline: not a printer's output
		}
		at = min(max(at, 0), len(lines))
		fixed := strings.Join(lines[:at], "") + insert + strings.Join(lines[at:], "")
		// Lines the fix only realigned (spaces inside the line) keep the
		// original's layout: alignment is the printer's doing.
		got0 := splice([]byte(base), []byte(base), []byte(fixed))
		gl0, fl0 := splitLines(bytes.ReplaceAll(got0, []byte("\r"), nil)), splitLines([]byte(strings.ReplaceAll(fixed, "\r", "")))
		same0 := got0 != nil && len(gl0) == len(fl0)
		for i := 0; same0 && i < len(gl0); i++ {
			same0 = alignedLine(gl0[i]) == alignedLine(fl0[i])
		}
		if !same0 && indentUnit([]byte(base)) == "\t" { // a printer indents with tabs
			t.Fatalf("formatted original: got %q, want %q", got0, fixed)
		}
		var spaced strings.Builder // base indented with two spaces a tab
		for _, l := range lines {
			ws := len(l) - len(strings.TrimLeft(l, "\t"))
			spaced.WriteString(strings.Repeat("  ", ws) + l[ws:])
		}
		got := splice([]byte(spaced.String()), []byte(base), []byte(fixed))
		if got == nil {
			t.Fatalf("re-indented original %q: no splice", spaced.String())
		}
		gl, fl := splitLines(bytes.ReplaceAll(got, []byte("\r"), nil)), splitLines([]byte(strings.ReplaceAll(fixed, "\r", "")))
		same := len(gl) == len(fl)
		for i := 0; same && i < len(gl); i++ {
			same = looseLine(gl[i]) == looseLine(fl[i])
		}
		if !same {
			t.Fatalf("re-indented original %q: got %q, want the lines of %q", spaced.String(), got, fixed)
		}
	})
}

func TestLineEdits(t *testing.T) {
	for _, tc := range []struct {
		old, new string
		want     []Edit
	}{
		{"a\nb\nc\n", "a\nB\nc\n", []Edit{{2, 3, "b\n", "B\n"}}},
		// An insertion takes the next line along: a suggestion must replace lines.
		{"a\nb\nc\n", "a\nx\nb\nc\n", []Edit{{2, 3, "b\n", "x\nb\n"}}},
		// ... or the previous one at the end of the file.
		{"a\nb\n", "a\nb\nz\n", []Edit{{2, 3, "b\n", "b\nz\n"}}},
		// An insertion right before a changed line merges with it.
		{"a\nb\nc\n", "a\nx\nB\nc\n", []Edit{{2, 3, "b\n", "x\nB\n"}}},
		// Far apart: two edits.
		{"a\nb\nc\nd\ne\n", "A\nb\nc\nd\nE\n", []Edit{{1, 2, "a\n", "A\n"}, {5, 6, "e\n", "E\n"}}},
	} {
		got := lineEdits([]byte(tc.old), []byte(tc.new))
		if fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("%q -> %q: got %+v, want %+v", tc.old, tc.new, got, tc.want)
		}
	}
}

// Growing a replacement across a later one that deletes lines must not
// double a line: such a splice is refused.
func TestSpliceRefusesToDoubleLines(t *testing.T) {
	if got := splice([]byte("a\nX1\nX2\nX3\nd\n"), []byte("a\nY1\nY2\nY3\nd\n"), []byte("a\nZ1\nY2\nd\n")); got != nil {
		t.Fatalf("got %q, want a refusal", got)
	}
}

// An insertion after a last line without newline gets its own line.
func TestSpliceAfterLastLineWithoutNewline(t *testing.T) {
	if got := splice([]byte("a\nb\n}"), []byte("a\nb\n}\n"), []byte("a\nb\n}\n// x\n")); string(got) != "a\nb\n}\n// x\n" {
		t.Fatalf("got %q", got)
	}
}

func TestSameCode(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		same bool
	}{
		{"if n > 2 { n--; m[k]++ }\n", "if n > 2 {\n\tn--\n\tm[k]++\n}\n", true},
		{"f(a,\n\tb,\n)\n", "f(a, b)\n", true},
		{"x := 0X1F // hex\n", "x := 0x1f  // hex\n", true},
		{"a()\nb()\n", "b()\na()\n", false},           // moved
		{"a()\n}\n", "a()\n}\n}\n", false},            // a brace doubled
		{"a() // x\nb()\n", "a()\nb() // x\n", false}, // a comment moved to other code
		{"s := `a\n  b`\n", "s := `a\nb`\n", false},   // a raw string's content
	} {
		if got := sameCode([]byte(tc.a), []byte(tc.b)); got != tc.same {
			t.Errorf("sameCode(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.same)
		}
	}
}
