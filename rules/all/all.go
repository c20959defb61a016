// Package all lists mapfix's rules: the one place that names them all, for
// the drivers (the mapfix command, the analyzers) that offer every rule.
package all

import (
	"github.com/mapfix/mapfix/rules"
	"github.com/mapfix/mapfix/rules/capacity"
	"github.com/mapfix/mapfix/rules/growth"
	"github.com/mapfix/mapfix/rules/mapcopy"
	"github.com/mapfix/mapfix/rules/nilmap"
	"github.com/mapfix/mapfix/rules/sharedmap"
)

// Rules returns every rule, in the order they run and are listed.
func Rules() []*rules.Rule {
	return []*rules.Rule{capacity.Rule, nilmap.Rule, sharedmap.Rule, mapcopy.Rule, growth.Rule}
}

// ByName returns the rule called name, or nil.
func ByName(name string) *rules.Rule {
	for _, r := range Rules() {
		if r.Name == name {
			return r
		}
	}
	return nil
}
