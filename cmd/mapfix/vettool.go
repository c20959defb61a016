package main

import (
	"strings"

	"github.com/mapfix/mapfix/analyzers"
	"golang.org/x/tools/go/analysis/unitchecker"
)

// invokedByGo reports whether the go command runs mapfix as its vet or fix
// tool (go vet -vettool, go fix -fixtool). It asks first for the tool's
// version (-V=full) and flags (-flags), then runs it once per package with
// the flags the user gave and a configuration file that describes the
// package (vet.cfg); no mapfix command line ends in a .cfg file.
func invokedByGo(args []string) bool {
	if len(args) == 0 {
		return false
	}
	switch args[0] {
	case "-V=full", "--V=full", "-flags", "--flags":
		return true
	}
	return strings.HasSuffix(args[len(args)-1], ".cfg")
}

// vetTool runs the rules' Analyzers on the package the go command
// describes, through the unitchecker protocol, and exits: each rule is a
// flag (-sharedmap=false turns it off), and -fix and -diff are go fix's.
func vetTool() {
	unitchecker.Main(analyzers.All()...)
}
