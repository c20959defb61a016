// Command mapfix finds and fixes map misuse in Go code: maps filled to a
// known size without a size hint (capacity), writes that can hit a nil map
// (nilmap), and maps written from several goroutines without a lock
// (sharedmap).
//
// Usage:
//
//	mapfix [flags] [packages | files]
//
// By default it is a dry run: it prints each finding and the unified diff of
// the fixes, and writes nothing. See mapfix -help for the flags.
//
// mapfix is also a vet and fix tool for the go command:
//
//	go vet -vettool=$(command -v mapfix) ./...
//	go fix -fixtool=$(command -v mapfix) ./...
//
// There each rule is a flag that turns it off (-sharedmap=false), as vet's
// analyzers are.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/mapfix/mapfix/rewrite"
	"github.com/mapfix/mapfix/rules"
	"github.com/mapfix/mapfix/rules/all"
)

func main() {
	if invokedByGo(os.Args[1:]) {
		vetTool()
	}
	tuneGC()
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// tuneGC bounds the heap. The engine type-checks a unit at a time and
// keeps only the export data of dependencies, so the default GOGC=100
// costs little (a raised GOGC saved no CPU on prometheus and took 1.4x the
// memory); a soft limit keeps a very large dependency cache from running
// away. Users' GOMEMLIMIT wins.
func tuneGC() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(3 << 29) // 1.5 GiB
	}
}

// Exit status, as DESIGN.md and users' scripts rely on them.
const (
	exitClean    = 0 // nothing to report
	exitFindings = 1 // findings reported (dry run) or left unfixed (-w)
	exitFailed   = 2 // the run itself failed
)

func usage(fs *flag.FlagSet, w io.Writer) func() {
	return func() {
		fmt.Fprintf(w, `usage: mapfix [flags] [packages | files]

mapfix finds and fixes map misuse in Go packages. Rules:
`)
		for _, r := range all.Rules() {
			fmt.Fprintf(w, "  %-10s %s\n", r.Name, r.Doc)
		}
		fmt.Fprintf(w, `
Packages are patterns as the go command takes them (default ./...). Arguments
ending in .go check their packages but report only on those files.

By default mapfix writes nothing: it prints each finding as
path:line:col: rule: message, then the unified diff of the fixes.

A dry run keeps its result in a cache, $MAPFIX_CACHE (default mapfix in the
user's cache directory; off turns it off): run again on packages, files and
dependencies that have not changed, it prints the same without checking them
again.

Exit status: 0 nothing found; 1 findings reported (or left unfixed with -w);
2 the run failed (bad flags, packages that do not load).

mapfix is also a tool for the go command, where each rule is a flag that
turns it off (-sharedmap=false):
  go vet -vettool=$(command -v mapfix) ./...   report the findings
  go fix -fixtool=$(command -v mapfix) ./...   apply the fixes (-diff: print them)

Flags:
`)
		fs.PrintDefaults()
	}
}

func run(args []string, stdout, stderr io.Writer) int {
	started := time.Now()
	fs := flag.NewFlagSet("mapfix", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = usage(fs, stderr)
	var (
		write      = fs.Bool("w", false, "write the fixes to the files")
		list       = fs.Bool("l", false, "list the files that the fixes would change, and nothing else")
		diffOnly   = fs.Bool("d", false, "print only the unified diff of the fixes")
		format     = fs.String("format", "text", "output format: text, json, rdjson, rdjsonl, sarif or github")
		ruleList   = fs.String("rules", "", "comma-separated rules to run (default all)")
		tags       = fs.String("tags", "", "comma-separated build tags, as for go build")
		tests      = fs.Bool("tests", true, "also check test files")
		newFromRev = fs.String("new-from-rev", "", "report only findings on lines added or changed since this git revision")
		jobs       = fs.Int("j", 0, "packages to process at once (default the number of CPUs)")
		quiet      = fs.Bool("q", false, "no progress bar")
		cpuprof    = fs.String("cpuprofile", "", "write a CPU profile to this file (for mapfix's developers)")
		memprof    = fs.String("memprofile", "", "write the heap profile of the largest heap to this file (for mapfix's developers)")
	)
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return exitClean
		}
		return exitFailed
	}
	fail := func(err error) int {
		fmt.Fprintf(stderr, "mapfix: %v\n", err)
		return exitFailed
	}
	// The flag package stops at the first argument that is not a flag, so
	// a flag after the packages (mapfix ./... -w) would be taken for a
	// package and silently ignored as a flag. go vet refuses it (malformed
	// import path "-w": leading dash); so does mapfix, unless a "--" said
	// that what follows are names.
	if pos := fs.Args(); len(pos) > 0 && !(len(args) > len(pos) && args[len(args)-len(pos)-1] == "--") {
		for _, a := range pos {
			if strings.HasPrefix(a, "-") {
				return fail(fmt.Errorf("%s after the packages: flags must come before packages and files (usage: mapfix [flags] [packages | files])", a))
			}
		}
	}
	writeFormat, machine := formats[*format]
	if !machine && *format != "text" {
		return fail(fmt.Errorf("unknown -format %q (formats: text, json, rdjson, rdjsonl, sarif, github)", *format))
	}
	if machine && (*list || *diffOnly) {
		return fail(fmt.Errorf("-format %s cannot be combined with -l or -d", *format))
	}
	if *cpuprof != "" {
		f, err := os.Create(*cpuprof)
		if err != nil {
			return fail(err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return fail(err)
		}
		defer pprof.StopCPUProfile()
	}
	if *memprof != "" {
		// Created now, so that a bad name fails before the run.
		if err := os.WriteFile(*memprof, nil, 0o666); err != nil {
			return fail(err)
		}
		p := startPeakProfiler()
		defer func() {
			if err := p.write(*memprof); err != nil {
				fmt.Fprintf(stderr, "mapfix: %v\n", err)
			}
		}()
	}
	selected, err := selectRules(*ruleList)
	if err != nil {
		return fail(err)
	}
	opts := rewrite.Options{
		Args:         fs.Args(),
		Rules:        selected,
		Known:        ruleNames(all.Rules()),
		Tests:        *tests,
		Write:        *write,
		Jobs:         *jobs,
		NewFromRev:   *newFromRev,
		FindingEdits: machine,
		Cache:        cacheDir(),
	}
	if *tags != "" {
		opts.Tags = strings.Split(*tags, ",")
	}
	bar := newProgress(stderr, *quiet)
	opts.Progress = bar.update
	res, err := rewrite.Run(opts)
	bar.finish()
	if err != nil {
		return fail(err)
	}
	for _, w := range res.Warnings {
		fmt.Fprintf(stderr, "mapfix: %s\n", w)
	}
	for _, e := range res.Errors {
		fmt.Fprintf(stderr, "%s\n", e.Error())
	}

	color := colorOK(stdout)
	switch {
	case machine:
		if err := writeFormat(stdout, res, selected); err != nil {
			return fail(err)
		}
	case *list || *diffOnly:
		if *list {
			for _, c := range res.Changes {
				fmt.Fprintln(stdout, c.Path)
			}
		}
		if *diffOnly {
			printDiffs(stdout, res, color)
		}
	case *write:
		// What was fixed is in the files; what is left needs a person.
		for _, f := range res.Findings {
			if !f.Fixable {
				printFinding(stdout, f, color)
			}
		}
	default:
		for _, f := range res.Findings {
			printFinding(stdout, f, color)
		}
		printDiffs(stdout, res, color)
	}
	printSummary(stderr, res, selected, *write, time.Since(started))

	switch {
	case len(res.Errors) > 0:
		return exitFailed
	case *write && res.Unfixed() > 0, !*write && len(res.Findings) > 0:
		return exitFindings
	}
	return exitClean
}

// cacheDir is the directory of the result cache: $MAPFIX_CACHE, or mapfix
// in the user's cache directory, as the go command places its own; ""
// (no cache) for MAPFIX_CACHE=off or when there is no such directory.
func cacheDir() string {
	switch dir := os.Getenv("MAPFIX_CACHE"); dir {
	case "off":
		return ""
	case "":
		base, err := os.UserCacheDir()
		if err != nil {
			return ""
		}
		return filepath.Join(base, "mapfix")
	default:
		return dir
	}
}

func selectRules(list string) ([]*rules.Rule, error) {
	if list == "" {
		return all.Rules(), nil
	}
	var out []*rules.Rule
	for _, name := range strings.Split(list, ",") {
		r := all.ByName(strings.TrimSpace(name))
		if r == nil {
			return nil, fmt.Errorf("unknown rule %q (rules: %s)", name, strings.Join(ruleNames(all.Rules()), ", "))
		}
		out = append(out, r)
	}
	return out, nil
}

func ruleNames(rs []*rules.Rule) []string {
	names := make([]string, len(rs))
	for i, r := range rs {
		names[i] = r.Name
	}
	return names
}
