// Package growth holds the Analyzer of mapfix's growth rule alone, for drivers
// that take one Analyzer per package, as Bazel's nogo does (its deps name
// packages that export a variable Analyzer). The rule is specified in
// github.com/mapfix/mapfix/rules/growth.
package growth

import "github.com/mapfix/mapfix/analyzers"

// Analyzer reports what mapfix's growth rule finds; it has no fixes.
var Analyzer = analyzers.Growth
