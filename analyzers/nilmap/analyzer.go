// Package nilmap holds the Analyzer of mapfix's nilmap rule alone, for drivers
// that take one Analyzer per package, as Bazel's nogo does (its deps name
// packages that export a variable Analyzer). The rule is specified in
// github.com/mapfix/mapfix/rules/nilmap.
package nilmap

import "github.com/mapfix/mapfix/analyzers"

// Analyzer reports what mapfix's nilmap rule finds, with its fixes.
var Analyzer = analyzers.Nilmap
