// Command std measures mapfix on the Go standard library against its floor.
//
//	go run ./bench/std [-runs 3] [-rules capacity] [-pattern std]
//
// It builds mapfix, then runs, one after the other and -runs times each:
//   - the floor: one go/packages load of the same packages in the same mode
//     mapfix uses (type-checked from source, dependencies from export data,
//     tests included), holding every package at once as go/packages does;
//   - the dry run: mapfix -q -rules RULES PATTERN..., output discarded.
//
// It prints the median wall time and the highest peak RSS of each, and the
// ratio of the medians. This is a benchmark, not a test: figures depend on
// the machine, and nothing here asserts a time.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/mapfix/mapfix/rewrite"
	"golang.org/x/tools/go/packages"
)

func main() {
	runs := flag.Int("runs", 3, "runs of each command")
	ruleList := flag.String("rules", "capacity", "rules for the dry run")
	pattern := flag.String("pattern", "std", "packages to load (space-separated patterns)")
	floor := flag.Bool("floor", false, "internal: do the floor load in this process")
	flag.Parse()

	if *floor {
		pkgs, err := packages.Load(&packages.Config{Mode: rewrite.LoadMode, Tests: true}, strings.Fields(*pattern)...)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Println(len(pkgs), "packages")
		return
	}

	tmp, err := os.MkdirTemp("", "mapfix-bench")
	check(err)
	defer os.RemoveAll(tmp)
	bin := filepath.Join(tmp, "mapfix")
	check(run(exec.Command("go", "build", "-o", bin, "./cmd/mapfix"), os.Stderr))
	self, err := os.Executable()
	check(err)

	// Warm the build cache (export data of std) so that neither side pays
	// for compiling it.
	check(run(exec.Command(self, "-floor", "-pattern", *pattern), io.Discard))

	type stat struct {
		walls []time.Duration
		rss   int64 // KiB
	}
	measure := func(name string, args ...string) stat {
		var s stat
		for i := 0; i < *runs; i++ {
			cmd := exec.Command(name, args...)
			start := time.Now()
			err := run(cmd, io.Discard)
			wall := time.Since(start)
			// mapfix exits 1 when it reports findings: that is a result.
			if ee, ok := err.(*exec.ExitError); err != nil && (!ok || ee.ExitCode() != 1) {
				check(err)
			}
			s.walls = append(s.walls, wall)
			s.rss = max(s.rss, cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss)
		}
		slices.Sort(s.walls)
		return s
	}
	fl := measure(self, "-floor", "-pattern", *pattern)
	mf := measure(bin, append([]string{"-q", "-rules", *ruleList}, strings.Fields(*pattern)...)...)
	med := func(s stat) time.Duration { return s.walls[len(s.walls)/2] }
	fmt.Printf("%-28s %10s %12s\n", "", "wall (med)", "peak RSS")
	fmt.Printf("%-28s %10.2fs %9d MiB\n", "floor: go/packages load", med(fl).Seconds(), fl.rss/1024)
	fmt.Printf("%-28s %10.2fs %9d MiB\n", "mapfix dry run ("+*ruleList+")", med(mf).Seconds(), mf.rss/1024)
	fmt.Printf("ratio: %.2fx wall, %.2fx memory (%d runs each, pattern %s)\n",
		med(mf).Seconds()/med(fl).Seconds(), float64(mf.rss)/float64(fl.rss), *runs, *pattern)
}

func run(cmd *exec.Cmd, stdout io.Writer) error {
	cmd.Stdout = stdout
	cmd.Stderr = os.Stderr
	return cmd.Run()
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(2)
	}
}
