// Command floor measures the mapfix dry run against its load floor, on the
// standard library or on any module.
//
//	go run ./bench/floor [-runs 5] [-rules RULES] [-C DIR] [PATTERN...]
//
// It builds mapfix, warms the build cache with one untimed load, then runs
// alternately, -runs times each, in DIR (default: the current directory):
//   - the floor: one go/packages load of PATTERN (default std) in the mode
//     mapfix loads in (type-checked from source, dependencies from export
//     data, tests included), holding every package at once as go/packages
//     does, and nothing else;
//   - the dry run: mapfix -q [-rules RULES] PATTERN..., output discarded,
//     each with a new, empty result cache: each run misses, checks it all
//     and stores its result, as a first run does.
//
// It prints the median wall time, CPU time (user+system) and peak RSS of
// each and the ratios of the medians; then the same of -runs dry runs
// again on unchanged files with the result cache, filled by one untimed
// run: what a re-run costs. Alternating the two keeps a slow spell
// of the machine from landing on one side only. This is a benchmark, not a
// test: figures depend on the machine, and nothing here asserts a time.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"syscall"
	"time"

	"github.com/mapfix/mapfix/rewrite"
	"golang.org/x/tools/go/packages"
)

func main() {
	runs := flag.Int("runs", 5, "runs of each command")
	rules := flag.String("rules", "", "rules for the dry run (default all)")
	dir := flag.String("C", "", "directory to run in: the module to measure")
	floor := flag.Bool("floor", false, "internal: do the floor load in this process")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: go run ./bench/floor [-runs N] [-rules RULES] [-C DIR] [PATTERN...]")
		flag.PrintDefaults()
	}
	flag.Parse()
	patterns := flag.Args()
	if len(patterns) == 0 {
		patterns = []string{"std"}
	}

	if *floor {
		pkgs, err := packages.Load(&packages.Config{Mode: rewrite.LoadMode, Tests: true}, patterns...)
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
	check(run(exec.Command("go", "build", "-o", bin, "./cmd/mapfix"), "", os.Stderr))
	self, err := os.Executable()
	check(err)

	floorArgs := append([]string{"-floor"}, patterns...)
	mapfixArgs := []string{"-q"}
	if *rules != "" {
		mapfixArgs = append(mapfixArgs, "-rules", *rules)
	}
	mapfixArgs = append(mapfixArgs, patterns...)

	// Warm the build cache (export data of the dependencies) so that
	// neither side pays for compiling it.
	check(run(exec.Command(self, floorArgs...), *dir, io.Discard))

	var fl, mf, hit sample
	for i := 0; i < *runs; i++ {
		fl.measure(*dir, nil, self, floorArgs...)
		miss := append(os.Environ(), "MAPFIX_CACHE="+filepath.Join(tmp, fmt.Sprint("miss", i)))
		mf.measure(*dir, miss, bin, mapfixArgs...)
	}
	cached := append(os.Environ(), "MAPFIX_CACHE="+filepath.Join(tmp, "cache"))
	var fill sample
	fill.measure(*dir, cached, bin, mapfixArgs...)
	for i := 0; i < *runs; i++ {
		hit.measure(*dir, cached, bin, mapfixArgs...)
	}
	where := *dir
	if where == "" {
		where = "."
	}
	name := "mapfix dry run"
	if *rules != "" {
		name += " (" + *rules + ")"
	}
	fmt.Printf("%-44s %9s %9s %10s\n", "median of "+fmt.Sprint(*runs)+" runs", "wall", "CPU", "peak RSS")
	fl.print("floor: go/packages load")
	mf.print(name)
	fmt.Printf("%-44s %8.2fx %8.2fx %9.2fx\n", "ratio", ratio(mf.wall, fl.wall), ratio(mf.cpu, fl.cpu), ratio(mf.rss, fl.rss))
	hit.print(name + ", cached")
	fmt.Printf("(in %s, patterns %v)\n", where, patterns)
}

// A sample holds the figures of the runs of one command.
type sample struct {
	wall, cpu []time.Duration
	rss       []int64 // KiB
}

func (s *sample) measure(dir string, env []string, name string, args ...string) {
	cmd := exec.Command(name, args...)
	cmd.Env = env
	start := time.Now()
	err := run(cmd, dir, io.Discard)
	wall := time.Since(start)
	// mapfix exits 1 when it reports findings: that is a result.
	if ee, ok := err.(*exec.ExitError); err != nil && (!ok || ee.ExitCode() != 1) {
		check(err)
	}
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	s.wall = append(s.wall, wall)
	s.cpu = append(s.cpu, time.Duration(ru.Utime.Nano()+ru.Stime.Nano()))
	s.rss = append(s.rss, ru.Maxrss)
}

func (s *sample) print(name string) {
	fmt.Printf("%-44s %8.2fs %8.2fs %6d MiB\n", name,
		median(s.wall).Seconds(), median(s.cpu).Seconds(), median(s.rss)/1024)
}

func median[T time.Duration | int64](xs []T) T {
	xs = slices.Clone(xs)
	slices.Sort(xs)
	return xs[len(xs)/2]
}

func ratio[T time.Duration | int64](a, b []T) float64 {
	return float64(median(a)) / float64(median(b))
}

func run(cmd *exec.Cmd, dir string, stdout io.Writer) error {
	cmd.Dir = dir
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
