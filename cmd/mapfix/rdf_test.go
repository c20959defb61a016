package main

import (
	"strings"
	"testing"

	"github.com/reviewdog/reviewdog/proto/rdf"
	"google.golang.org/protobuf/encoding/protojson"
)

// reviewdogReads parses rdjson or rdjsonl output the way reviewdog's own
// parsers do (protojson into its rdf messages, unknown fields refused), so
// that a field reviewdog would reject or read differently fails the test.
// The reviewdog binary itself cannot be built from the module proxy here.
func reviewdogReads(t *testing.T, format, out string) []*rdf.Diagnostic {
	t.Helper()
	if format == "rdjson" {
		var r rdf.DiagnosticResult
		if err := protojson.Unmarshal([]byte(out), &r); err != nil {
			t.Fatalf("reviewdog cannot read the rdjson: %v\n%s", err, out)
		}
		return r.GetDiagnostics()
	}
	var ds []*rdf.Diagnostic
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		d := new(rdf.Diagnostic)
		if err := protojson.Unmarshal([]byte(l), d); err != nil {
			t.Fatalf("reviewdog cannot read the rdjsonl line: %v\n%s", err, l)
		}
		ds = append(ds, d)
	}
	return ds
}

// sameAsReviewdog checks that reviewdog reads every diagnostic as mapfix
// meant it: location, rule, and each suggestion's lines and text.
func sameAsReviewdog(t *testing.T, format string, got []*rdf.Diagnostic, want []rdDiagnostic) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: reviewdog reads %d diagnostics, mapfix wrote %d", format, len(got), len(want))
	}
	for i, d := range got {
		w := want[i]
		r := d.GetLocation().GetRange()
		if d.GetLocation().GetPath() != w.Location.Path || d.GetCode().GetValue() != w.Code.Value || d.GetMessage() != w.Message ||
			int(r.GetStart().GetLine()) != w.Location.Range.Start.Line || int(r.GetEnd().GetLine()) != w.Location.Range.End.Line {
			t.Errorf("%s: reviewdog reads %v, mapfix wrote %+v", format, d, w)
		}
		if len(d.GetSuggestions()) != len(w.Suggestions) {
			t.Errorf("%s: reviewdog reads %d suggestions, mapfix wrote %d", format, len(d.GetSuggestions()), len(w.Suggestions))
			continue
		}
		for j, s := range d.GetSuggestions() {
			ws := w.Suggestions[j]
			if int(s.GetRange().GetStart().GetLine()) != ws.Range.Start.Line || int(s.GetRange().GetEnd().GetLine()) != ws.Range.End.Line || s.GetText() != ws.Text {
				t.Errorf("%s: reviewdog reads suggestion %v, mapfix wrote %+v", format, s, ws)
			}
		}
	}
}
