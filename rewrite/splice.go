package rewrite

import (
	"bytes"
	"go/scanner"
	"go/token"
	"slices"
	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// spliceIndent carries the effect of the fixes into the original text, and
// nothing else.
//
// The dst restorer prints a whole file the way gofmt would, so printing the
// fixed tree also reformats every line the author did not format with gofmt.
// We therefore print the tree twice, before (base) and after (fixed) the fixes,
// and diff the two: what differs is the fixes' doing, except lines the
// printer only realigned (alignedLine). Each such hunk replaces the matching
// lines of the original. A hunk's edges must be lines that the original and
// base share (anchors): lines that hold the same tokens at the same place
// of the token stream (tokenAnchors), so that a line the printer only
// re-indented or re-spaced still anchors and one of several alike lines
// never pairs with another; where the printer changed more (joined or split
// lines), the hunk grows until it reaches such lines. The result must hold
// the fixed text's tokens (codeTokens), or the splice is refused.
//
// The lines of a hunk (those the fixes add or change, and those it grew
// over) take the indentation of the original lines around them (see
// indenter), so that a file indented with spaces stays so.
//
// Lines taken from the fixed text get the original's line ending, so CRLF
// files stay CRLF. It returns nil when it cannot place the fixes
// faithfully; the fixes are then reported as not fixed. orig may be a part
// of a file; unit is the indentation unit of the whole file (indentUnit).
func spliceIndent(orig []byte, base, fixed []byte, unit string) []byte {
	o, b, f := splitLines(orig), splitLines(base), splitLines(fixed)

	// anchor[i] is the original line that base line i stands for, or -1.
	// The printer keeps the tokens of code it can print; then lines pair
	// by their place in the token stream, else by their text.
	ot, os := lineTokenStarts(orig, o)
	bt, bs := lineTokenStarts(base, b)
	sameTokens := ot != nil && bt != nil && slices.Equal(ot, bt)
	var anchor []int
	if sameTokens {
		anchor = tokenAnchors(len(o), os, bs)
	} else {
		anchor = noAnchors(len(o), len(b))
		for _, s := range lineDiffBy(o, b, looseLine) {
			if s.op == diffmatchpatch.DiffEqual {
				for k := 0; k < s.n; k++ {
					anchor[s.b+k] = s.a + k
				}
			}
		}
	}
	// at[j] is the base line before which fixed line j stands.
	at := make([]int, len(f))
	type repl struct{ b0, b1, f0, f1 int } // base [b0,b1) becomes fixed [f0,f1)
	var repls []repl
	for _, s := range lineDiffBy(b, f, alignedLine) {
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
	ind := &indenter{o: o, b: b, f: f, base: base, fixed: fixed, anchor: anchor, fileUnit: unit}
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
	// Lines compared by their tokens can pair a line with the wrong one of
	// several alike (closing braces, a repeated statement, a one-line block
	// the printer split), which would double, lose or move code. What is
	// written must be the fixed program: its tokens must be the fixed
	// text's, whatever the layout. (When the printer itself changed tokens
	// of the original, which it does not for code it can print, there is
	// nothing to compare with; the type check that follows still applies.)
	res := []byte(out.String())
	if sameTokens {
		if ft := codeTokens(fixed); ft != nil && !slices.Equal(codeTokens(res), ft) {
			return nil
		}
	}
	return res
}

// codeTokens returns the Go tokens and comments of src, in order, whatever
// its layout: semicolons are left out, since joining and splitting lines
// adds and drops them, and so are commas right before a closing bracket.
// nil when src does not scan.
func codeTokens(src []byte) []string {
	toks, _ := scanCode(src)
	return toks
}

// scanCode returns the tokens of src as codeTokens gives them, and the
// offset of each; nil when src does not scan.
func scanCode(src []byte) (toks []string, offs []int) {
	fset := token.NewFileSet()
	file := fset.AddFile("", -1, len(src))
	var sc scanner.Scanner
	bad := false
	sc.Init(file, src, func(token.Position, string) { bad = true }, scanner.ScanComments)
	for {
		pos, tok, lit := sc.Scan()
		if tok == token.EOF {
			break
		}
		switch tok {
		case token.SEMICOLON:
			continue
		case token.RPAREN, token.RBRACE, token.RBRACK:
			if n := len(toks); n > 0 && toks[n-1] == "," {
				toks, offs = toks[:n-1], offs[:n-1]
			}
		case token.INT, token.FLOAT, token.IMAG:
			lit = strings.ToLower(lit) // the printer writes 0X1 as 0x1
		case token.COMMENT:
			lit = strings.TrimRight(strings.ReplaceAll(lit, "\r", ""), " \t")
		}
		if lit == "" {
			lit = tok.String()
		}
		toks, offs = append(toks, lit), append(offs, file.Offset(pos))
	}
	if bad {
		return nil, nil
	}
	return toks, offs
}

// noAnchors is an anchor table for nb base lines with none paired yet,
// but the end of the files, which is a shared edge: base line nb stands
// for original line no, one past the last of each.
func noAnchors(no, nb int) []int {
	anchor := make([]int, nb+1)
	for i := range anchor {
		anchor[i] = -1
	}
	anchor[nb] = no
	return anchor
}

// tokenAnchors pairs base lines with the original lines that hold exactly
// the same tokens, for two texts of no and len(bs)-1 lines that hold the
// same tokens, starting at os and bs (lineTokenStarts). It is exact where
// comparing lines is not: of several alike lines (closing braces, a
// repeated statement) only the one at the same place in the token stream
// pairs. A line the printer split or joined pairs with nothing. Lines
// without a token of their own (blank lines, the inside of a raw string)
// pair in order between the same tokens when both texts have as many
// there.
func tokenAnchors(no int, os, bs []int) []int {
	anchor := noAnchors(no, len(bs)-1)
	type rng struct{ t0, t1 int }
	byRange := map[rng]int{}
	empty := map[int][]int{} // original lines without a token, by the token after them
	for j := range no {
		if r := (rng{os[j], os[j+1]}); r.t0 < r.t1 {
			byRange[r] = j
		} else {
			empty[r.t0] = append(empty[r.t0], j)
		}
	}
	var bEmpty []int
	flush := func() {
		if len(bEmpty) == 0 {
			return
		}
		if oe := empty[bs[bEmpty[0]]]; len(oe) == len(bEmpty) {
			for k, i := range bEmpty {
				anchor[i] = oe[k]
			}
		}
		bEmpty = bEmpty[:0]
	}
	for i := range len(bs) - 1 {
		r := rng{bs[i], bs[i+1]}
		if r.t0 == r.t1 {
			if len(bEmpty) > 0 && bs[bEmpty[0]] != r.t0 {
				flush()
			}
			bEmpty = append(bEmpty, i)
			continue
		}
		flush()
		if j, ok := byRange[r]; ok {
			anchor[i] = j
		}
	}
	flush()
	return anchor
}

// lineTokenStarts returns the tokens of the lines and, for each line i,
// the index of the first token that starts at or after it (one more entry
// for the end); nil when the text does not scan.
func lineTokenStarts(src []byte, lines []string) ([]string, []int) {
	toks, offs := scanCode(src)
	if toks == nil && len(bytes.TrimSpace(src)) > 0 {
		return nil, nil
	}
	starts := make([]int, len(lines)+1)
	off, t := 0, 0
	for i, l := range lines {
		for t < len(offs) && offs[t] < off {
			t++
		}
		starts[i] = t
		off += len(l)
	}
	starts[len(lines)] = len(toks)
	return toks, starts
}

// alignedLine compares printed lines as the fixes changed them: the printer
// realigns trailing comments and key-value columns of a block when one of
// its lines grows, which is not the fix's doing, but a line that moved to
// another depth has changed.
func alignedLine(s string) string { return leadingSpace(s) + looseLine(s) }

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
	o, b, f     []string
	base, fixed []byte // the texts b and f split
	anchor      []int
	inB         []bool // base lines inside a multi-line token
	inF         []bool // fixed lines inside a multi-line token
	unit        string // the file's indentation unit, once known
	// fileUnit is the unit that most of the file's indented lines use,
	// for lines with no anchored neighbour to take after.
	fileUnit string
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
		in.inB, in.inF = continuationLines(in.base, in.b), continuationLines(in.fixed, in.f)
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
			if strings.TrimSpace(bl) == "" || in.continues(i) {
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
	if strings.Trim(wf, "\t") == "" {
		return strings.Repeat(in.fileUnit, len(wf)) + line[len(wf):]
	}
	return line
}

// continues reports whether base line i continues the line before it (the
// printer indents it one level deeper, and the line before opens no block
// or list): authors often align such lines by hand, so their indentation
// says nothing about the depth of the lines around them.
func (in *indenter) continues(i int) bool {
	if i == 0 {
		return false
	}
	prev := strings.TrimRight(normLine(in.b[i-1]), " \t")
	if prev == "" || len(leadingSpace(normLine(in.b[i]))) <= len(leadingSpace(prev)) {
		return false
	}
	return !strings.HasSuffix(prev, "{") && !strings.HasSuffix(prev, "(") && !strings.HasSuffix(prev, "[")
}

// indentUnit guesses the indentation unit of a Go text: a tab, unless more
// lines start with a space than with a tab; then the smallest number of
// spaces a line starts with.
func indentUnit(src []byte) string {
	tabs, spaces, least := 0, 0, 0
	for _, l := range splitLines(src) {
		w := leadingSpace(l)
		switch {
		case w == "" || strings.TrimSpace(l) == "":
		case w[0] == '\t':
			tabs++
		case strings.Trim(w, " ") == "":
			spaces++
			if least == 0 || len(w) < least {
				least = len(w)
			}
		}
	}
	if spaces > tabs {
		return strings.Repeat(" ", least)
	}
	return "\t"
}

// unitOf is the indentation unit of an original line indented wo where the
// printer indents wb: a tab, or n spaces for each of wb's tabs; else the
// file's unit.
func (in *indenter) unitOf(wb, wo string) string {
	if u := unitFrom(wb, wo); u != "" {
		return u
	}
	if in.unit == "" {
		in.unit = in.fileUnit
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
func continuationLines(src []byte, lines []string) []bool {
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
