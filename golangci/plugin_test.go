package golangci_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"github.com/mapfix/mapfix/analyzers"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	// Registers the plugin, as the import that `golangci-lint custom` adds
	// to golangci-lint does.
	_ "github.com/mapfix/mapfix/golangci"
)

// newPlugin loads the plugin as golangci-lint does: by its name, from the
// register package, then builds it with settings.
func newPlugin(t *testing.T, settings any) (register.LinterPlugin, error) {
	t.Helper()
	newFn, err := register.GetPlugin("mapfix")
	if err != nil {
		t.Fatalf("the plugin is not registered: %v", err)
	}
	return newFn(settings)
}

func names(as []*analysis.Analyzer) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Name)
	}
	return out
}

func TestSettings(t *testing.T) {
	every := names(analyzers.All())
	if !slices.Contains(every, "capacity") || !slices.Contains(every, "nilmap") || !slices.Contains(every, "sharedmap") {
		t.Fatalf("analyzers.All() runs %v", every)
	}
	// Every rule but the first, in the order mapfix runs them.
	allButFirst := every[1:]
	reversed := slices.Clone(allButFirst)
	slices.Reverse(reversed)
	tests := []struct {
		name     string
		settings any // as golangci-lint passes them: decoded YAML
		want     []string
	}{
		{"none", nil, every},
		{"empty map", map[string]any{}, every},
		{"null rules", map[string]any{"rules": nil}, every},
		{"one", map[string]any{"rules": []any{"nilmap"}}, []string{"nilmap"}},
		{"run order", map[string]any{"rules": []any{"sharedmap", "capacity"}}, []string{"capacity", "sharedmap"}},
		{"all but first, reversed", map[string]any{"rules": anys(reversed)}, allButFirst},
		{"repeated", map[string]any{"rules": []any{"nilmap", "nilmap"}}, []string{"nilmap"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := newPlugin(t, tt.settings)
			if err != nil {
				t.Fatalf("New(%v): %v", tt.settings, err)
			}
			if got := p.GetLoadMode(); got != register.LoadModeTypesInfo {
				t.Errorf("GetLoadMode() = %q, want %q", got, register.LoadModeTypesInfo)
			}
			as, err := p.BuildAnalyzers()
			if err != nil {
				t.Fatalf("BuildAnalyzers: %v", err)
			}
			if got := names(as); !slices.Equal(got, tt.want) {
				t.Errorf("BuildAnalyzers() runs %v, want %v", got, tt.want)
			}
			if err := analysis.Validate(as); err != nil {
				t.Errorf("invalid analyzers: %v", err)
			}
		})
	}
}

func anys(ss []string) []any {
	var out []any
	for _, s := range ss {
		out = append(out, s)
	}
	return out
}

func TestBadSettings(t *testing.T) {
	tests := []struct {
		name     string
		settings any
		want     string // in the error
	}{
		{"unknown rule", map[string]any{"rules": []any{"capacity", "capacty"}},
			`mapfix: settings: unknown rule "capacty" in rules (mapfix's rules are ` + strings.Join(names(analyzers.All()), ", ") + ")"},
		{"wrong case", map[string]any{"rules": []any{"Nilmap"}}, `unknown rule "Nilmap"`},
		{"empty rules", map[string]any{"rules": []any{}}, "rules is empty"},
		{"unknown setting", map[string]any{"rule": []any{"nilmap"}}, `unknown field "rule"`},
		{"not a list", map[string]any{"rules": "nilmap"}, "decoding settings"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := newPlugin(t, tt.settings)
			if err == nil {
				as, _ := p.BuildAnalyzers()
				t.Fatalf("New(%v) succeeded (rules %v), want an error", tt.settings, names(as))
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("New(%v) = %q, want an error containing %q", tt.settings, err, tt.want)
			}
		})
	}
}

// TestAnalyzers runs what the plugin builds on testdata/src/<rule>, whose
// `// want` comments give each finding's message, and whose .golden files
// are the sources with every suggested fix applied.
func TestAnalyzers(t *testing.T) {
	p, err := newPlugin(t, map[string]any{"rules": []any{"capacity", "nilmap"}})
	if err != nil {
		t.Fatal(err)
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	if got := names(as); !slices.Equal(got, []string{"capacity", "nilmap"}) {
		t.Fatalf("BuildAnalyzers() runs %v", got)
	}
	for _, a := range as {
		t.Run(a.Name, func(t *testing.T) {
			analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), a, a.Name)
		})
	}
}
