package main

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"unicode/utf8"

	"github.com/mapfix/mapfix/rewrite"
	"github.com/mapfix/mapfix/rules"
)

// SARIF 2.1.0, the subset mapfix fills in. Field names follow the
// specification; the tests validate the output against its JSON schema.
type sarifLog struct {
	Version string     `json:"version"`
	Schema  string     `json:"$schema"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool       sarifTool     `json:"tool"`
	ColumnKind string        `json:"columnKind"`
	Results    []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifRule struct {
	ID               string    `json:"id"`
	ShortDescription sarifText `json:"shortDescription"`
	Help             sarifText `json:"help"`
	HelpURI          string    `json:"helpUri"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	RuleIndex int             `json:"ruleIndex"`
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations"`
	Fixes     []sarifFix      `json:"fixes,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           sarifRegion   `json:"region"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
}

type sarifFix struct {
	Description     sarifText             `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifact      `json:"artifactLocation"`
	Replacements     []sarifReplacement `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion `json:"deletedRegion"`
	InsertedContent sarifText   `json:"insertedContent"`
}

func writeSARIF(w io.Writer, res *rewrite.Result, ran []*rules.Rule) error {
	driver := sarifDriver{Name: "mapfix", InformationURI: projectURL, Rules: []sarifRule{}}
	index := map[string]int{}
	addRule := func(id, short, help string) {
		index[id] = len(driver.Rules)
		driver.Rules = append(driver.Rules, sarifRule{id, sarifText{short}, sarifText{help}, projectURL + "#" + id})
	}
	for _, r := range ran {
		addRule(r.Name, r.Doc, r.Help)
	}
	addRule(rewrite.DirectiveRule, "problems with //mapfix:ignore directives",
		"A //mapfix:ignore directive needs a rule list and a reason, must name known rules, and must silence a finding; a stale directive would hide the next real finding on its line.")

	// Columns are in UTF-16 code units, SARIF's default and what GitHub
	// reads; mapfix's are bytes, converted with the lines of each file.
	run := sarifRun{Tool: sarifTool{driver}, ColumnKind: "utf16CodeUnits", Results: []sarifResult{}}
	src := newSources(res)
	for _, f := range res.Findings {
		msg := f.Message
		if !f.Fixable {
			msg += " (not fixed: " + f.Reason + ")"
		}
		// A fixed finding points into the file as it was read; after -w,
		// one left unfixed points into the file as written.
		var lines [][]byte
		if f.Fixable {
			lines = src.original(f.Pos.Filename)
		} else {
			lines = src.current(f.Pos.Filename) // read only when needed
		}
		loc := sarifArtifact{URI: f.Pos.Filename, URIBaseID: "%SRCROOT%"}
		r := sarifResult{
			RuleID: f.Rule, RuleIndex: index[f.Rule], Level: "warning",
			Message: sarifText{msg},
			Locations: []sarifLocation{{sarifPhysical{loc, sarifRegion{
				f.Pos.Line, utf16Column(lines, f.Pos.Line, f.Pos.Column),
				f.End.Line, utf16Column(lines, f.End.Line, f.End.Column),
			}}}},
		}
		if len(f.Edits) > 0 {
			change := sarifArtifactChange{ArtifactLocation: loc}
			for _, e := range f.Edits {
				// Whole lines: from the start of line Start to the start
				// of line End, or, when the edit runs to the end of the
				// file, to the end of its last line, so that the region
				// does not point past the file.
				end := sarifRegion{EndLine: e.End, EndColumn: 1}
				if e.End == len(lines)+1 && e.End > e.Start {
					last := lines[e.End-2]
					end = sarifRegion{EndLine: e.End - 1, EndColumn: utf16Len(last) + 1}
				}
				change.Replacements = append(change.Replacements, sarifReplacement{
					DeletedRegion:   sarifRegion{e.Start, 1, end.EndLine, end.EndColumn},
					InsertedContent: sarifText{e.New},
				})
			}
			r.Fixes = []sarifFix{{Description: sarifText{"mapfix " + f.Rule + " fix"}, ArtifactChanges: []sarifArtifactChange{change}}}
		}
		run.Results = append(run.Results, r)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{Version: "2.1.0", Schema: "https://json.schemastore.org/sarif-2.1.0.json", Runs: []sarifRun{run}})
}

// sources reads the lines of the files findings are in, once each.
type sources struct {
	old   map[string][][]byte // lines of the files the fixes change, as they were read
	lines map[string][][]byte
}

func newSources(res *rewrite.Result) *sources {
	s := &sources{old: map[string][][]byte{}, lines: map[string][][]byte{}}
	for _, c := range res.Changes {
		s.old[c.Path] = splitLines(c.Old)
	}
	return s
}

// current returns the lines of the file as it is now, which positions of
// findings refer to (after -w, those left unfixed refer to the rewritten
// file). A file that cannot be read has no lines, and its columns stay
// bytes.
func (s *sources) current(path string) [][]byte {
	if ls, ok := s.lines[path]; ok {
		return ls
	}
	src, _ := os.ReadFile(path)
	ls := splitLines(src)
	s.lines[path] = ls
	return ls
}

// original returns the lines of the file as the fixes' edits see them.
func (s *sources) original(path string) [][]byte {
	if ls, ok := s.old[path]; ok {
		return ls
	}
	return s.current(path)
}

// splitLines splits src after each '\n'; the last line may lack one.
func splitLines(src []byte) [][]byte {
	ls := bytes.SplitAfter(src, []byte("\n"))
	if len(ls) > 0 && len(ls[len(ls)-1]) == 0 {
		ls = ls[:len(ls)-1]
	}
	return ls
}

// utf16Column converts a 1-based byte column of a line into UTF-16 code
// units. Without the line, the column is left as it is.
func utf16Column(lines [][]byte, line, col int) int {
	if line < 1 || line > len(lines) || col < 1 {
		return col
	}
	l := lines[line-1]
	return utf16Len(l[:min(col-1, len(l))]) + 1
}

// utf16Len is the length of b in UTF-16 code units; an invalid byte counts
// as one, as the replacement character it decodes to.
func utf16Len(b []byte) int {
	n := 0
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		b = b[size:]
		n++
		if r >= 0x10000 {
			n++ // a surrogate pair
		}
	}
	return n
}
