package rewrite

import (
	"go/ast"
	"go/token"
	"strings"

	"github.com/mapfix/mapfix/rules"
)

// A directive silences findings on its own line and the line below:
//
//	//mapfix:ignore capacity,nilmap the map is tiny and built once
//	//nolint:mapfix
//	//nolint:all
//
// Like staticcheck's //lint:ignore, a //mapfix:ignore must give a reason,
// and one that silences nothing is reported: a stale directive hides the
// next real finding on that line.
type directive struct {
	pos   token.Pos
	line  int
	rules []string // nil: every rule
	// strict directives are ours (//mapfix:ignore), checked for a reason
	// and for use; //nolint ones are shared with golangci-lint.
	strict bool
	reason string
	used   bool
}

// DirectiveRule names the findings about directives themselves.
const DirectiveRule = "mapfix"

// parseDirectives finds the directives of f; their lines go through //line
// directives when adjusted is set, as the findings' lines do.
func parseDirectives(fset *token.FileSet, f *ast.File, adjusted bool) []*directive {
	var ds []*directive
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			text := c.Text
			if !strings.HasPrefix(text, "//") {
				continue
			}
			text = text[2:]
			d := &directive{pos: c.Pos(), line: fset.PositionFor(c.Pos(), adjusted).Line}
			switch {
			case strings.HasPrefix(text, "mapfix:ignore"):
				fields := strings.Fields(strings.TrimPrefix(text, "mapfix:ignore"))
				d.strict = true
				if len(fields) > 0 {
					d.rules = strings.Split(fields[0], ",")
					d.reason = strings.Join(fields[1:], " ")
				}
			case strings.HasPrefix(text, "nolint"):
				rest := strings.TrimPrefix(text, "nolint")
				if !strings.HasPrefix(rest, ":") {
					continue // a bare //nolint is golangci-lint's, for its own linters
				}
				list, _, _ := strings.Cut(rest[1:], " ")
				matched := false
				for _, name := range strings.Split(list, ",") {
					if name == "mapfix" || name == "all" {
						matched = true
					}
				}
				if !matched {
					continue
				}
			default:
				continue
			}
			ds = append(ds, d)
		}
	}
	return ds
}

// silences reports whether d covers a finding of rule on line.
func (d *directive) silences(rule string, line int) bool {
	if line != d.line && line != d.line+1 {
		return false
	}
	if d.strict && (len(d.rules) == 0 || d.reason == "") {
		return false // malformed: reported, and silences nothing
	}
	if d.rules == nil {
		return true
	}
	for _, r := range d.rules {
		if r == rule {
			return true
		}
	}
	return false
}

// problems reports what is wrong with the strict directives of a file, given
// the rules that ran and the names of all rules (a directive for a rule that did not run may well be
// needed by a run that includes it).
func directiveProblems(ds []*directive, ran []*rules.Rule, names []string) []rules.Finding {
	known := map[string]bool{}
	for _, name := range names {
		known[name] = true
	}
	running := map[string]bool{}
	for _, r := range ran {
		running[r.Name], known[r.Name] = true, true
	}
	var out []rules.Finding
	report := func(d *directive, msg string) {
		out = append(out, rules.Finding{Rule: DirectiveRule, Pos: d.pos, End: d.pos, Message: msg, NoFix: "remove or correct the directive"})
	}
	for _, d := range ds {
		if !d.strict {
			continue
		}
		if len(d.rules) == 0 || d.reason == "" {
			report(d, "malformed //mapfix:ignore directive: want //mapfix:ignore <rule>[,<rule>] <reason>")
			continue
		}
		allRan := true
		for _, r := range d.rules {
			if !known[r] {
				report(d, "//mapfix:ignore names unknown rule "+r)
				allRan = false
				break
			}
			allRan = allRan && running[r]
		}
		if allRan && !d.used {
			report(d, "this //mapfix:ignore directive silences nothing")
		}
	}
	return out
}
