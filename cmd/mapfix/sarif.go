package main

import (
	"encoding/json"
	"io"

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
	Tool    sarifTool     `json:"tool"`
	Results []sarifResult `json:"results"`
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

	run := sarifRun{Tool: sarifTool{driver}, Results: []sarifResult{}}
	for _, f := range res.Findings {
		msg := f.Message
		if !f.Fixable {
			msg += " (not fixed: " + f.Reason + ")"
		}
		loc := sarifArtifact{URI: f.Pos.Filename, URIBaseID: "%SRCROOT%"}
		r := sarifResult{
			RuleID: f.Rule, RuleIndex: index[f.Rule], Level: "warning",
			Message: sarifText{msg},
			Locations: []sarifLocation{{sarifPhysical{loc, sarifRegion{
				f.Pos.Line, f.Pos.Column, f.End.Line, f.End.Column,
			}}}},
		}
		if len(f.Edits) > 0 {
			change := sarifArtifactChange{ArtifactLocation: loc}
			for _, e := range f.Edits {
				// Whole lines: from the start of line Start to the start
				// of line End.
				change.Replacements = append(change.Replacements, sarifReplacement{
					DeletedRegion:   sarifRegion{e.Start, 1, e.End, 1},
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
