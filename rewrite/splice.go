package rewrite

import (
	"go/scanner"
	"go/token"
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
// original and base share (anchors), compared by their tokens (looseLine), so
// that a line the printer only re-indented or re-spaced still anchors; where
// the printer changed more (joined or split lines), the hunk grows until it
// reaches such lines.
//
// The lines of a hunk (those the fixes add or change, and those it grew
// over) take the indentation of the original lines around them (see
// indenter), so that a file indented with spaces stays so.
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
	for _, s := range lineDiffBy(o, b, looseLine) {
		if s.op == diffmatchpatch.DiffEqual {
			for k := 0; k < s.n; k++ {
				anchor[s.b+k] = s.a + k
			}
		}
	}
	// at[j] is the base line before which fixed line j stands.
	at := make([]int, len(f))
	type repl struct{ b0, b1, f0, f1 int } // base [b0,b1) becomes fixed [f0,f1)
	var repls []repl
	for _, s := range lineDiff(b, f) {
		for k := 0; k < s.n; k++ {
			switch s.op {
			case diffmatchpatch.DiffEqual:
				at[s.b+k] = s.a + k
			case diffmatchpatch.DiffInsert:
				at[s.b+k] = s.a
			}
		}
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
	ind := &indenter{o: o, b: b, f: f, anchor: anchor}
	for _, r := range merged {
		copyOrig(o[next:r.o0], true)
		for j := r.f0; j < r.f1; j++ {
			out.WriteString(ind.indent(j, at[j]))
			if strings.HasSuffix(f[j], "\n") {
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

// An indenter gives a line of a hunk the indentation that the original
// uses around it. The printer indents with one tab per level; the original
// may use spaces, or a mix. For a fixed line, it looks
// at the anchored base lines nearest to where the line stands (the line
// before it first, then the one after, then further out): the first whose
// indentation is the fixed line's, or a prefix of it followed by tabs only,
// gives its original indentation, plus one unit per further tab (the unit
// that line uses, or else the file's). Lines inside a multi-line raw
// string or comment are never re-indented: their bytes are content.
type indenter struct {
	o, b, f []string
	anchor  []int
	inB     []bool // base lines inside a multi-line token
	inF     []bool // fixed lines inside a multi-line token
	unit    string // the file's indentation unit, once known
}

// indent returns fixed line j (without terminator), which stands before
// base line at, indented like the original around it.
func (in *indenter) indent(j, at int) string {
	line := normLine(in.f[j])
	wf := leadingSpace(line)
	if strings.TrimSpace(line) == "" {
		return line
	}
	if in.inF == nil {
		in.inB, in.inF = continuationLines(in.b), continuationLines(in.f)
	}
	if in.inF[j] {
		return line
	}
	// Candidates, nearest first: at-1, at, at-2, at+1, …
	for d := 0; at-1-d >= 0 || at+d < len(in.b); d++ {
		for _, i := range [2]int{at - 1 - d, at + d} {
			if i < 0 || i >= len(in.b) || in.anchor[i] < 0 || in.inB[i] {
				continue
			}
			bl := normLine(in.b[i])
			if strings.TrimSpace(bl) == "" {
				continue
			}
			wb := leadingSpace(bl)
			extra, ok := strings.CutPrefix(wf, wb)
			if !ok || strings.Trim(extra, "\t") != "" {
				continue
			}
			wo := leadingSpace(normLine(in.o[in.anchor[i]]))
			if extra != "" {
				wo += strings.Repeat(in.unitOf(wb, wo), len(extra))
			}
			return wo + line[len(wf):]
		}
	}
	return line
}

// unitOf is the indentation unit of an original line indented wo where the
// printer indents wb: a tab, or n spaces for each of wb's tabs; else the
// file's unit.
func (in *indenter) unitOf(wb, wo string) string {
	if u := unitFrom(wb, wo); u != "" {
		return u
	}
	if in.unit == "" {
		in.unit = "\t"
		for i, a := range in.anchor[:len(in.b)] {
			if a < 0 || in.inB[i] {
				continue
			}
			if u := unitFrom(leadingSpace(in.b[i]), leadingSpace(in.o[a])); u != "" {
				in.unit = u
				break
			}
		}
	}
	return in.unit
}

func unitFrom(wb, wo string) string {
	n := len(wb)
	if n == 0 || strings.Trim(wb, "\t") != "" {
		return ""
	}
	switch {
	case strings.Trim(wo, "\t") == "" && len(wo) == n:
		return "\t"
	case strings.Trim(wo, " ") == "" && len(wo) > 0 && len(wo)%n == 0:
		return strings.Repeat(" ", len(wo)/n)
	}
	return ""
}

func leadingSpace(s string) string {
	return s[:len(s)-len(strings.TrimLeft(s, " \t"))]
}

// continuationLines marks the lines of a Go text that start inside a token
// that began on an earlier line: a raw string or a general comment.
func continuationLines(lines []string) []bool {
	src := []byte(strings.Join(lines, ""))
	cont := make([]bool, len(lines))
	fset := token.NewFileSet()
	file := fset.AddFile("", -1, len(src))
	var sc scanner.Scanner
	sc.Init(file, src, func(token.Position, string) {}, scanner.ScanComments)
	for {
		pos, tok, lit := sc.Scan()
		if tok == token.EOF {
			break
		}
		if n := strings.Count(lit, "\n"); n > 0 && (tok == token.STRING || tok == token.COMMENT) {
			first := file.Line(pos) // 1-based: the token's first line
			for l := first; l < first+n && l < len(cont); l++ {
				cont[l] = true // 0-based index l is line l+1
			}
		}
	}
	return cont
}
