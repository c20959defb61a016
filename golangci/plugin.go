// Package golangci is mapfix's plugin for golangci-lint v2, in its module
// plugin system: importing it registers a linter named "mapfix" that runs
// mapfix's rules (the Analyzers of package analyzers) inside golangci-lint.
//
// golangci-lint loads a module plugin by being rebuilt with it. The
// `golangci-lint custom` command reads .custom-gcl.yml, fetches the
// golangci-lint source of that version, adds a blank import of this
// package and builds a binary (./custom-gcl by default):
//
//	# .custom-gcl.yml
//	version: v2.15.0                   # the golangci-lint version to build
//	plugins:
//	  - module: github.com/mapfix/mapfix
//	    import: github.com/mapfix/mapfix/golangci
//	    version: v0.1.0                # a tag or commit of mapfix
//	    # path: ../mapfix              # or a local copy, instead of version
//
// The binary runs mapfix as it runs any linter once .golangci.yml enables
// it, as a custom linter of type module:
//
//	# .golangci.yml
//	version: "2"
//	linters:
//	  enable:
//	    - mapfix
//	  settings:
//	    custom:
//	      mapfix:
//	        type: module
//	        description: finds and fixes map misuse
//	        settings:
//	          rules: [capacity, nilmap]  # optional; default: every rule
//
// then `./custom-gcl run ./...`. Each finding is reported by the linter
// mapfix, its text starting with the rule's name; the findings that mapfix
// can fix carry the fix, which `./custom-gcl run --fix` applies.
// //nolint:mapfix silences a finding, as does //mapfix:ignore <rule> <reason>.
//
// The only setting is rules, the names of the rules to run, as the mapfix
// command's -rules flag takes them (capacity, nilmap, sharedmap, …); a name
// mapfix does not know, an empty list or any other setting fails the run
// with an error that lists mapfix's rules.
//
// `golangci-lint custom` clones golangci-lint with git from GitHub. Where
// only a Go module proxy can be reached, the same binary is built by hand
// from golangci-lint's module, as TestCustomGolangciLint does: copy the
// module's source (go mod download -json github.com/golangci/golangci-lint/v2@v2.15.0
// gives its Dir), write cmd/golangci-lint/plugins.go with the blank import
// `_ "github.com/mapfix/mapfix/golangci"`, require mapfix in its go.mod,
// then go mod tidy and go build ./cmd/golangci-lint.
package golangci

import (
	"errors"
	"fmt"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"github.com/mapfix/mapfix/analyzers"
	"golang.org/x/tools/go/analysis"
)

// Name is the linter's name, under which golangci-lint finds the plugin
// (linters.settings.custom.<Name> in .golangci.yml) and reports its findings.
const Name = "mapfix"

func init() {
	register.Plugin(Name, New)
}

// Settings are the plugin's settings: what .golangci.yml gives under
// linters.settings.custom.mapfix.settings.
type Settings struct {
	// Rules names the rules to run; when it is left out, every rule runs.
	Rules []string `json:"rules"`
}

// New returns the plugin for the given settings, as golangci-lint passes
// them (decoded YAML: nil, or a map). It fails on a setting it does not
// know and on a rule name that is not one of mapfix's.
func New(settings any) (register.LinterPlugin, error) {
	s, err := register.DecodeSettings[Settings](settings)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", Name, err)
	}
	selected, err := selectAnalyzers(s.Rules)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", Name, err)
	}
	return &plugin{analyzers: selected}, nil
}

// selectAnalyzers returns the Analyzers of the named rules, in the order
// mapfix runs its rules, or every one when names is nil.
func selectAnalyzers(names []string) ([]*analysis.Analyzer, error) {
	all := analyzers.All()
	if names == nil {
		return all, nil
	}
	if len(names) == 0 {
		return nil, errors.New("settings: rules is empty; leave it out to run every rule")
	}
	known := make([]string, 0, len(all))
	for _, a := range all {
		known = append(known, a.Name)
	}
	want := make(map[string]bool, len(names))
	for _, n := range names {
		found := false
		for _, a := range all {
			if a.Name == n {
				found = true
				break
			}
		}
		if !found {
			return nil, fmt.Errorf("settings: unknown rule %q in rules (mapfix's rules are %s)", n, strings.Join(known, ", "))
		}
		want[n] = true
	}
	var out []*analysis.Analyzer
	for _, a := range all {
		if want[a.Name] {
			out = append(out, a)
		}
	}
	return out, nil
}

type plugin struct {
	analyzers []*analysis.Analyzer
}

// BuildAnalyzers returns the Analyzers of the rules the settings chose.
func (p *plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return p.analyzers, nil
}

// GetLoadMode asks for type-checked packages, which every rule needs.
func (p *plugin) GetLoadMode() string {
	return register.LoadModeTypesInfo
}
