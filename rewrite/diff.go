package rewrite

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// splitLines splits src after each '\n'; the last line may lack one.
func splitLines(src []byte) []string {
	var lines []string
	for len(src) > 0 {
		i := bytes.IndexByte(src, '\n')
		if i < 0 {
			lines = append(lines, string(src))
			break
		}
		lines = append(lines, string(src[:i+1]))
		src = src[i+1:]
	}
	return lines
}

// normLine drops a line's terminator, so that CRLF and LF lines compare equal.
func normLine(s string) string {
	s = strings.TrimSuffix(s, "\n")
	return strings.TrimSuffix(s, "\r")
}

// A span is a run of lines that a line diff keeps, deletes or inserts.
type span struct {
	op   diffmatchpatch.Operation
	n    int // number of lines
	a, b int // first line in the old and in the new text
}

// looseLine reduces a line to its tokens, as far as whitespace goes: it
// drops the terminator and every run of blanks, except that one space stays
// between two word characters (so "x  :=  f( a )" and "x := f(a)" compare
// equal, "return x" and "returnx" do not). It lets a line that only the
// printer reformatted still match its original.
func looseLine(s string) string {
	s = normLine(s)
	var b strings.Builder
	var prev rune // last rune written
	blank := false
	for _, c := range s {
		if c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f' {
			blank = true
			continue
		}
		if blank && isWordRune(prev) && isWordRune(c) {
			b.WriteByte(' ')
		}
		blank = false
		b.WriteRune(c)
		prev = c
	}
	return b.String()
}

func isWordRune(c rune) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

// lineDiff diffs two texts line by line (terminators ignored) with go-diff's
// line mode: every distinct line becomes one rune, and the runes are diffed.
func lineDiff(a, b []string) []span {
	return lineDiffBy(a, b, normLine)
}

// lineDiffBy is lineDiff with lines compared as norm makes them.
func lineDiffBy(a, b []string, norm func(string) string) []span {
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0 // deterministic: the same input always gives the same diff
	var ta, tb strings.Builder
	for _, l := range a {
		ta.WriteString(norm(l))
		ta.WriteByte('\n')
	}
	for _, l := range b {
		tb.WriteString(norm(l))
		tb.WriteByte('\n')
	}
	ra, rb, _ := dmp.DiffLinesToRunes(ta.String(), tb.String())
	var spans []span
	ia, ib := 0, 0
	for _, d := range dmp.DiffMainRunes(ra, rb, false) {
		n := len([]rune(d.Text))
		spans = append(spans, span{op: d.Type, n: n, a: ia, b: ib})
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			ia += n
			ib += n
		case diffmatchpatch.DiffDelete:
			ia += n
		case diffmatchpatch.DiffInsert:
			ib += n
		}
	}
	return spans
}

// unifiedDiff renders the change from old to new as a unified diff with three
// lines of context and a/ b/ headers, the form git apply and patch -p1 take.
// It returns nil when the texts are equal.
func unifiedDiff(path string, old, new []byte) []byte {
	a, b := splitLines(old), splitLines(new)
	spans := lineDiff(a, b)
	const ctx = 3
	type hunk struct{ a0, a1, b0, b1 int } // [a0,a1) of old, [b0,b1) of new
	var hunks []hunk
	for _, s := range spans {
		if s.op == diffmatchpatch.DiffEqual {
			continue
		}
		var h hunk
		if s.op == diffmatchpatch.DiffDelete {
			h = hunk{s.a, s.a + s.n, s.b, s.b}
		} else {
			h = hunk{s.a, s.a, s.b, s.b + s.n}
		}
		h.a0, h.b0 = max(h.a0-ctx, 0), max(h.b0-ctx, 0)
		h.a1, h.b1 = min(h.a1+ctx, len(a)), min(h.b1+ctx, len(b))
		if n := len(hunks); n > 0 && h.a0 <= hunks[n-1].a1 {
			hunks[n-1].a1, hunks[n-1].b1 = max(h.a1, hunks[n-1].a1), max(h.b1, hunks[n-1].b1)
			continue
		}
		hunks = append(hunks, h)
	}
	if len(hunks) == 0 {
		return nil
	}
	var out bytes.Buffer
	fmt.Fprintf(&out, "--- a/%s\n+++ b/%s\n", path, path)
	for _, h := range hunks {
		fmt.Fprintf(&out, "@@ -%s +%s @@\n", hunkRange(h.a0, h.a1-h.a0), hunkRange(h.b0, h.b1-h.b0))
		// Walk the spans that overlap the hunk, in order.
		for _, s := range spans {
			switch s.op {
			case diffmatchpatch.DiffEqual:
				for i := max(s.a, h.a0); i < min(s.a+s.n, h.a1); i++ {
					writeDiffLine(&out, ' ', a[i])
				}
			case diffmatchpatch.DiffDelete:
				if s.a >= h.a0 && s.a < h.a1 {
					for i := s.a; i < s.a+s.n; i++ {
						writeDiffLine(&out, '-', a[i])
					}
				}
			case diffmatchpatch.DiffInsert:
				if s.b >= h.b0 && s.b < h.b1 {
					for i := s.b; i < s.b+s.n; i++ {
						writeDiffLine(&out, '+', b[i])
					}
				}
			}
		}
	}
	return out.Bytes()
}

// hunkRange formats a unified diff range; an empty range names the line before it.
func hunkRange(start, n int) string {
	switch n {
	case 0:
		return fmt.Sprintf("%d,0", start)
	case 1:
		return fmt.Sprintf("%d", start+1)
	}
	return fmt.Sprintf("%d,%d", start+1, n)
}

func writeDiffLine(out *bytes.Buffer, mark byte, line string) {
	out.WriteByte(mark)
	out.WriteString(line)
	if !strings.HasSuffix(line, "\n") {
		out.WriteString("\n\\ No newline at end of file\n")
	}
}

// lineEdits lists the runs of whole lines that differ between old and new.
// Each edit replaces at least one line (an insertion takes the line after
// it along, or the line before it at the end of the file), because review
// tools can only suggest a replacement for lines that exist; edits that
// then touch are merged.
func lineEdits(old, new []byte) []Edit {
	a, b := splitLines(old), splitLines(new)
	type rng struct{ a0, a1, b0, b1 int } // old [a0,a1) became new [b0,b1)
	var rs []rng
	for _, s := range lineDiff(a, b) {
		var r rng
		switch s.op {
		case diffmatchpatch.DiffEqual:
			continue
		case diffmatchpatch.DiffDelete:
			r = rng{s.a, s.a + s.n, s.b, s.b}
		case diffmatchpatch.DiffInsert:
			r = rng{s.a, s.a, s.b, s.b + s.n}
		}
		if n := len(rs); n > 0 && rs[n-1].a1 == r.a0 && rs[n-1].b1 == r.b0 {
			rs[n-1].a1, rs[n-1].b1 = r.a1, r.b1 // a deletion and an insertion: one replacement
			continue
		}
		rs = append(rs, r)
	}
	// Lines next to a range are equal in both texts, so a range can take
	// them along in both; ranges that then touch become one.
	var grown []rng
	for _, r := range rs {
		if r.a0 == r.a1 {
			if r.a1 < len(a) {
				r.a1, r.b1 = r.a1+1, r.b1+1
			} else if r.a0 > 0 {
				r.a0, r.b0 = r.a0-1, r.b0-1
			}
		}
		if n := len(grown); n > 0 && grown[n-1].a1 >= r.a0 {
			grown[n-1].a1, grown[n-1].b1 = max(grown[n-1].a1, r.a1), max(grown[n-1].b1, r.b1)
			continue
		}
		grown = append(grown, r)
	}
	edits := make([]Edit, len(grown))
	for i, r := range grown {
		edits[i] = Edit{Start: r.a0 + 1, End: r.a1 + 1, Old: strings.Join(a[r.a0:r.a1], ""), New: strings.Join(b[r.b0:r.b1], "")}
	}
	return edits
}

// A ByteEdit replaces the bytes [Start, End) of a file with New.
type ByteEdit struct {
	Start, End int
	New        string
}

// ByteEdits returns the edits that turn old into new, one per run of
// changed lines: whole lines replaced, lines inserted at the start of a
// line, lines deleted. Unlike lineEdits, it does not grow an insertion into
// a replacement of the line next to it, so that the edits of two fixes to
// one file overlap only where the fixes change the same lines.
func ByteEdits(old, new []byte) []ByteEdit {
	a, b := splitLines(old), splitLines(new)
	offA := make([]int, len(a)+1)
	for i, l := range a {
		offA[i+1] = offA[i] + len(l)
	}
	var edits []ByteEdit
	for _, s := range lineDiffBy(a, b, func(l string) string { return strings.TrimSuffix(l, "\n") }) {
		switch s.op {
		case diffmatchpatch.DiffDelete:
			if n := len(edits); n > 0 && edits[n-1].End == offA[s.a] {
				edits[n-1].End = offA[s.a+s.n]
				continue
			}
			edits = append(edits, ByteEdit{Start: offA[s.a], End: offA[s.a+s.n]})
		case diffmatchpatch.DiffInsert:
			text := strings.Join(b[s.b:s.b+s.n], "")
			if n := len(edits); n > 0 && edits[n-1].End == offA[s.a] {
				edits[n-1].New += text
				continue
			}
			edits = append(edits, ByteEdit{Start: offA[s.a], End: offA[s.a], New: text})
		}
	}
	// A replacement keeps the bytes its old and new text share at either
	// end, cut back to a word boundary: two fixes on one line (two empty
	// maps in one literal) then edit apart and merge.
	for i, e := range edits {
		o, n := string(old[e.Start:e.End]), e.New
		if o == "" || n == "" {
			continue
		}
		p := 0
		for p < len(o) && p < len(n) && o[p] == n[p] {
			p++
		}
		for p > 0 && p < len(o) && isWordByte(o[p-1]) && isWordByte(o[p]) {
			p--
		}
		q := 0
		for q < len(o)-p && q < len(n)-p && o[len(o)-1-q] == n[len(n)-1-q] {
			q++
		}
		for q > 0 && q < len(o)-p && isWordByte(o[len(o)-q]) && isWordByte(o[len(o)-q-1]) {
			q--
		}
		edits[i] = ByteEdit{Start: e.Start + p, End: e.End - q, New: n[p : len(n)-q]}
	}
	// Lines compared without their terminators may still differ in them
	// (a last line without one): then the file is one edit.
	var got strings.Builder
	last := 0
	for _, e := range edits {
		got.Write(old[last:e.Start])
		got.WriteString(e.New)
		last = e.End
	}
	got.Write(old[last:])
	if got.String() != string(new) {
		return []ByteEdit{{Start: 0, End: len(old), New: string(new)}}
	}
	return edits
}

func isWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}
