package rewrite

import (
	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// splice carries the effect of the fixes into the original text, and nothing
// else.
//
// The dst restorer prints a whole file the way gofmt would, so printing the
// fixed tree also reformats every line the author did not format with gofmt.
// We therefore print the tree twice, before (base) and after (fixed) the fixes,
// and diff the two: what differs is the fixes' doing. Each such hunk replaces
// the matching lines of the original. A hunk's edges must be lines that the
// original and base share (anchors); where gofmt changed the lines next to a
// fix, the hunk grows until it reaches such lines.
//
// Lines taken from the fixed text get the original's line ending, so CRLF
// files stay CRLF. It returns nil when it cannot place the fixes
// faithfully; the fixes are then reported as not fixed.
func splice(orig []byte, base, fixed []byte) []byte {
	o, b, f := splitLines(orig), splitLines(base), splitLines(fixed)

	// anchor[i] is the original line that base line i equals, or -1.
	anchor := make([]int, len(b)+1)
	for i := range anchor {
		anchor[i] = -1
	}
	anchor[len(b)] = len(o) // the end of the files is a shared edge
	for _, s := range lineDiff(o, b) {
		if s.op == diffmatchpatch.DiffEqual {
			for k := 0; k < s.n; k++ {
				anchor[s.b+k] = s.a + k
			}
		}
	}
	type repl struct{ b0, b1, f0, f1 int } // base [b0,b1) becomes fixed [f0,f1)
	var repls []repl
	for _, s := range lineDiff(b, f) {
		if s.op == diffmatchpatch.DiffEqual {
			continue
		}
		r := repl{s.a, s.a, s.b, s.b}
		if s.op == diffmatchpatch.DiffDelete {
			r.b1 = s.a + s.n
		} else {
			r.f1 = s.b + s.n
		}
		// Merge with the previous replacement when they touch.
		if n := len(repls); n > 0 && repls[n-1].b1 >= r.b0 && repls[n-1].f1 >= r.f0 {
			repls[n-1].b1, repls[n-1].f1 = max(repls[n-1].b1, r.b1), max(repls[n-1].f1, r.f1)
			continue
		}
		repls = append(repls, r)
	}
	// Place each replacement in the original: the base lines it deletes
	// must be original lines, in order, or be framed by lines that are;
	// else it grows, one line at a time, towards such lines. Outside
	// replacements base and fixed lines are equal, so both ranges grow alike.
	type placed struct{ o0, o1, b0, b1, f0, f1 int } // original [o0,o1) (base [b0,b1)) becomes fixed [f0,f1)
	var ps []placed
	for _, r := range repls {
		for {
			if o0, o1, ok := place(anchor, r.b0, r.b1); ok {
				ps = append(ps, placed{o0, o1, r.b0, r.b1, r.f0, r.f1})
				break
			}
			if r.b0 > 0 && anchor[r.b0-1] < 0 {
				r.b0--
				r.f0--
			}
			if anchor[r.b1] < 0 {
				r.b1++
				r.f1++
			}
		}
	}
	// Grown replacements may now overlap: merge them.
	var merged []placed
	for _, p := range ps {
		if n := len(merged); n > 0 && merged[n-1].o1 > p.o0 {
			m := &merged[n-1]
			m.o1, m.b1, m.f1 = max(m.o1, p.o1), max(m.b1, p.b1), max(m.f1, p.f1)
			continue
		}
		merged = append(merged, p)
	}
	// Growing steps base and fixed lines together, which is right only
	// between replacements; the replaced ranges must account for exactly
	// the lines the fixes add or remove, or a line would be lost or doubled.
	delta := 0
	for _, m := range merged {
		delta += (m.f1 - m.f0) - (m.b1 - m.b0)
	}
	if delta != len(f)-len(b) {
		return nil
	}

	eol := "\n"
	if len(o) > 0 && strings.HasSuffix(o[0], "\r\n") {
		eol = "\r\n"
	}
	var out strings.Builder
	next := 0 // next original line to copy
	copyOrig := func(lines []string, more bool) {
		for _, l := range lines {
			out.WriteString(l)
			if more && !strings.HasSuffix(l, "\n") {
				out.WriteString(eol) // a last line without newline, now followed by more
			}
		}
	}
	for _, r := range merged {
		copyOrig(o[next:r.o0], true)
		for _, l := range f[r.f0:r.f1] {
			out.WriteString(normLine(l))
			if strings.HasSuffix(l, "\n") {
				out.WriteString(eol)
			}
		}
		next = r.o1
	}
	copyOrig(o[next:], false)
	return []byte(out.String())
}

// place finds the original lines [o0,o1) that base lines [b0,b1) stand for.
func place(anchor []int, b0, b1 int) (o0, o1 int, ok bool) {
	before := func(i int) int { // the original line right after base line i-1
		if i == 0 {
			return 0
		}
		if anchor[i-1] < 0 {
			return -1
		}
		return anchor[i-1] + 1
	}
	if b0 == b1 { // an insertion: next to either neighbour will do
		if o := before(b0); o >= 0 {
			return o, o, true
		}
		if anchor[b0] >= 0 {
			return anchor[b0], anchor[b0], true
		}
		return 0, 0, false
	}
	exact := true
	for i := b0; i < b1; i++ {
		if anchor[i] < 0 || anchor[i] != anchor[b0]+i-b0 {
			exact = false
			break
		}
	}
	if exact {
		return anchor[b0], anchor[b1-1] + 1, true
	}
	if o := before(b0); o >= 0 && anchor[b1] >= 0 {
		return o, anchor[b1], true
	}
	return 0, 0, false
}
