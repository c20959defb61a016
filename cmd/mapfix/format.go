package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/mapfix/mapfix/rewrite"
	"github.com/mapfix/mapfix/rules"
)

// formats maps -format values to their writers. text is the default and is
// printed by run itself.
var formats = map[string]func(io.Writer, *rewrite.Result, []*rules.Rule) error{
	"json":    writeJSON,
	"rdjson":  writeRDJSON,
	"rdjsonl": writeRDJSONL,
	"sarif":   writeSARIF,
	"github":  writeGitHub,
}

// The json format: one object, documented in README.md.
type jsonOutput struct {
	Findings []jsonFinding `json:"findings"`
	Diffs    []jsonDiff    `json:"diffs"`
	Errors   []jsonError   `json:"errors"`
}

type jsonPos struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

type jsonFinding struct {
	Rule    string     `json:"rule"`
	Path    string     `json:"path"`
	Start   jsonPos    `json:"start"`
	End     jsonPos    `json:"end"`
	Message string     `json:"message"`
	Fixable bool       `json:"fixable"`
	Reason  string     `json:"reason,omitempty"`
	Edits   []jsonEdit `json:"edits,omitempty"`
}

type jsonEdit struct {
	StartLine int    `json:"start_line"`
	EndLine   int    `json:"end_line"` // exclusive
	NewText   string `json:"new_text"`
}

type jsonDiff struct {
	Path string `json:"path"`
	Diff string `json:"diff"`
}

type jsonError struct {
	Position string `json:"position,omitempty"`
	Package  string `json:"package,omitempty"`
	Message  string `json:"message"`
}

func writeJSON(w io.Writer, res *rewrite.Result, _ []*rules.Rule) error {
	out := jsonOutput{Findings: []jsonFinding{}, Diffs: []jsonDiff{}, Errors: []jsonError{}}
	for _, f := range res.Findings {
		jf := jsonFinding{
			Rule: f.Rule, Path: f.Pos.Filename,
			Start:   jsonPos{f.Pos.Line, f.Pos.Column},
			End:     jsonPos{f.End.Line, f.End.Column},
			Message: f.Message, Fixable: f.Fixable, Reason: f.Reason,
		}
		for _, e := range f.Edits {
			jf.Edits = append(jf.Edits, jsonEdit{e.Start, e.End, e.New})
		}
		out.Findings = append(out.Findings, jf)
	}
	for _, c := range res.Changes {
		out.Diffs = append(out.Diffs, jsonDiff{c.Path, string(c.Diff)})
	}
	for _, e := range res.Errors {
		out.Errors = append(out.Errors, jsonError{e.Pos, e.Package, e.Msg})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// reviewdog's Diagnostic Format (rdjson).
type rdPosition struct {
	Line   int `json:"line"`
	Column int `json:"column,omitempty"` // 0: the whole line
}

type rdRange struct {
	Start rdPosition `json:"start"`
	End   rdPosition `json:"end"`
}

type rdDiagnostic struct {
	Message  string `json:"message"`
	Location struct {
		Path  string  `json:"path"`
		Range rdRange `json:"range"`
	} `json:"location"`
	Severity    string         `json:"severity"`
	Source      *rdSource      `json:"source,omitempty"`
	Code        rdCode         `json:"code"`
	Suggestions []rdSuggestion `json:"suggestions,omitempty"`
}

type rdSource struct {
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

type rdCode struct {
	Value string `json:"value"`
	URL   string `json:"url,omitempty"`
}

type rdSuggestion struct {
	Range rdRange `json:"range"`
	Text  string  `json:"text"`
}

const projectURL = "https://github.com/mapfix/mapfix"

func rdDiagnostics(res *rewrite.Result) []rdDiagnostic {
	var out []rdDiagnostic
	for _, f := range res.Findings {
		d := rdDiagnostic{
			Message:  f.Message,
			Severity: "WARNING",
			Source:   &rdSource{Name: "mapfix", URL: projectURL},
			Code:     rdCode{Value: f.Rule, URL: projectURL + "#" + f.Rule},
		}
		if !f.Fixable {
			d.Message += " (not fixed: " + f.Reason + ")"
		}
		d.Location.Path = f.Pos.Filename
		d.Location.Range = rdRange{rdPosition{f.Pos.Line, f.Pos.Column}, rdPosition{f.End.Line, f.End.Column}}
		if e, ok := suggestionEdit(f); ok {
			d.Suggestions = []rdSuggestion{lineSuggestion(e)}
			// The comment covers exactly the lines the suggestion
			// replaces: reviewdog posts a suggestion only then.
			d.Location.Range = rdRange{rdPosition{Line: e.Start, Column: 1}, rdPosition{Line: e.End - 1, Column: len(lastLine(e.Old)) + 1}}
			if f.Pos.Line == e.Start {
				d.Location.Range.Start.Column = f.Pos.Column
			}
			if len(f.Edits) > 1 {
				d.Message += "\n\nThe suggestion is part of this fix:\n```diff\n" + string(f.Diff) + "```"
			}
		}
		out = append(out, d)
	}
	return out
}

// lineSuggestion turns an edit of whole lines into the suggestion that
// reviewdog's GitHub and Gitea reporters take as such: a range of lines,
// first to last, without columns, and the text of the new lines without
// the last line's terminator, which reviewdog adds back. Columns would make
// reviewdog splice the text into lines of the diff it may not have, and a
// range ending at column 1 of the line after the edit would not match the
// lines of the comment. An empty text deletes the lines.
func lineSuggestion(e rewrite.Edit) rdSuggestion {
	text := strings.TrimSuffix(e.New, "\n")
	text = strings.TrimSuffix(text, "\r")
	return rdSuggestion{Range: rdRange{rdPosition{Line: e.Start}, rdPosition{Line: e.End - 1}}, Text: text}
}

// lastLine is the last line of text, without its terminator.
func lastLine(text string) string {
	text = strings.TrimSuffix(text, "\n")
	text = strings.TrimSuffix(text, "\r")
	return text[strings.LastIndex(text, "\n")+1:]
}

// suggestionEdit picks the edit that holds the finding (or the nearest one):
// a review comment can carry one suggestion.
func suggestionEdit(f rewrite.Finding) (rewrite.Edit, bool) {
	if len(f.Edits) == 0 {
		return rewrite.Edit{}, false
	}
	best, dist := f.Edits[0], -1
	for _, e := range f.Edits {
		d := 0
		switch {
		case f.Pos.Line < e.Start:
			d = e.Start - f.Pos.Line
		case f.Pos.Line >= e.End:
			d = f.Pos.Line - e.End + 1
		}
		if dist < 0 || d < dist {
			best, dist = e, d
		}
	}
	return best, true
}

func writeRDJSON(w io.Writer, res *rewrite.Result, _ []*rules.Rule) error {
	out := struct {
		Source      rdSource       `json:"source"`
		Severity    string         `json:"severity"`
		Diagnostics []rdDiagnostic `json:"diagnostics"`
	}{rdSource{Name: "mapfix", URL: projectURL}, "WARNING", rdDiagnostics(res)}
	if out.Diagnostics == nil {
		out.Diagnostics = []rdDiagnostic{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func writeRDJSONL(w io.Writer, res *rewrite.Result, _ []*rules.Rule) error {
	enc := json.NewEncoder(w)
	for _, d := range rdDiagnostics(res) {
		if err := enc.Encode(d); err != nil {
			return err
		}
	}
	return nil
}

// writeGitHub prints GitHub Actions workflow commands, which the runner turns
// into annotations on the pull request.
func writeGitHub(w io.Writer, res *rewrite.Result, _ []*rules.Rule) error {
	for _, f := range res.Findings {
		msg := f.Message
		if !f.Fixable {
			msg += " (not fixed: " + f.Reason + ")"
		}
		_, err := fmt.Fprintf(w, "::warning file=%s,line=%d,endLine=%d,col=%d,title=%s::%s\n",
			ghProperty(f.Pos.Filename), f.Pos.Line, f.End.Line, f.Pos.Column,
			ghProperty("mapfix "+f.Rule), ghData(msg))
		if err != nil {
			return err
		}
	}
	return nil
}

// ghData escapes a workflow command's message, as the Actions toolkit does.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// ghProperty escapes a workflow command's property value, where ':' and ','
// are separators too.
func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
