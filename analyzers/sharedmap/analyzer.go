// Package sharedmap holds the Analyzer of mapfix's sharedmap rule alone, for drivers
// that take one Analyzer per package, as Bazel's nogo does (its deps name
// packages that export a variable Analyzer). The rule is specified in
// github.com/mapfix/mapfix/rules/sharedmap.
package sharedmap

import "github.com/mapfix/mapfix/analyzers"

// Analyzer reports what mapfix's sharedmap rule finds, with its fixes.
var Analyzer = analyzers.Sharedmap
