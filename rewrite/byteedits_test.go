package rewrite

import (
	"strings"
	"testing"
)

func applyByteEdits(old string, edits []ByteEdit) string {
	var b strings.Builder
	last := 0
	for _, e := range edits {
		b.WriteString(old[last:e.Start])
		b.WriteString(e.New)
		last = e.End
	}
	return b.String() + old[last:]
}

// TestByteEdits: the edits turn old into new, keep whole words, and the
// edits of two fixes to one line do not overlap, so that a driver that
// merges them (go fix) gets what applying both at once gives.
func TestByteEdits(t *testing.T) {
	old := "package p\n\nfunc f() {\n\ts := T{a: map[string]int{}, b: map[string]bool{}}\n\tuse(s)\n}\n"
	first := strings.Replace(old, "map[string]int{}", "make(map[string]int, 8)", 1)
	second := strings.Replace(old, "map[string]bool{}", "make(map[string]bool, 9)", 1)
	both := strings.Replace(first, "map[string]bool{}", "make(map[string]bool, 9)", 1)
	e1, e2 := ByteEdits([]byte(old), []byte(first)), ByteEdits([]byte(old), []byte(second))
	for _, c := range []struct {
		edits []ByteEdit
		want  string
	}{{e1, first}, {e2, second}} {
		if got := applyByteEdits(old, c.edits); got != c.want {
			t.Errorf("edits %+v give\n%s\nwant\n%s", c.edits, got, c.want)
		}
	}
	if len(e1) != 1 || len(e2) != 1 || e1[0].End > e2[0].Start {
		t.Fatalf("edits overlap: %+v and %+v", e1, e2)
	}
	if got := old[e1[0].Start:e1[0].End]; got != "map[string]int{}" {
		t.Errorf("first edit replaces %q, want the whole literal", got)
	}
	if got := applyByteEdits(old, []ByteEdit{e1[0], e2[0]}); got != both {
		t.Errorf("both edits give\n%s\nwant\n%s", got, both)
	}
	// Inserted lines are an insertion at the start of a line, and a file
	// whose last line loses its newline is still rebuilt exactly.
	ins := strings.Replace(old, "\tuse(s)\n", "\tmu.Lock()\n\tuse(s)\n\tmu.Unlock()\n", 1)
	for _, e := range ByteEdits([]byte(old), []byte(ins)) {
		if e.Start != e.End || (e.Start > 0 && old[e.Start-1] != '\n') {
			t.Errorf("insertion edit %+v is not a line insertion", e)
		}
	}
	for _, pair := range [][2]string{{old, ins}, {old, strings.TrimSuffix(old, "\n")}, {"x", "x\n"}, {"", "a\n"}} {
		if got := applyByteEdits(pair[0], ByteEdits([]byte(pair[0]), []byte(pair[1]))); got != pair[1] {
			t.Errorf("ByteEdits(%q, %q) rebuild %q", pair[0], pair[1], got)
		}
	}
}
