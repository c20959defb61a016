package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// growthN is the number of requests or events a growth case program
// simulates in its first run; the second simulates twice as many.
const growthN = 6

var growthLen = regexp.MustCompile(`(?m)^len: (\d+)$`)

// TestGrowthOracle: each growth case is a program that takes a number of
// requests or events as its argument, simulates them (through net/http
// and httptest on the loopback interface, a channel, or TCP connections to
// 127.0.0.1), and prints "len: L", the length of the map the case is
// about. A reported case's map holds more entries after 2N requests than
// after N: it grows with the traffic; and mapfix reports it where its
// golden file says. A no_ case that prints such a line holds
// as many entries after 2N as after N, and mapfix is silent on it.
func TestGrowthOracle(t *testing.T) {
	dirs, _ := filepath.Glob(filepath.Join(caseDir("growth"), "*"))
	if len(dirs) == 0 {
		t.Fatal("no growth cases")
	}
	var names []string
	for _, d := range dirs {
		names = append(names, filepath.Base(d))
	}
	// One module holds every case, as in this repository, so that a case
	// can import a package of its own (a framework it registers with);
	// one build and one mapfix run serve them all.
	o := newOracle(t, "growth", names, nil)
	res := mapfix(t, o.mod, "-q", "-rules", "growth", "./...")
	if res.code != 1 {
		t.Fatalf("mapfix: exit %d, want 1 (findings)\n%s", res.code, res.stderr)
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			t.Parallel() // the programs serve requests on the loopback
			bin := filepath.Join(o.before, name)
			small, okSmall := runLen(t, bin, growthN)
			large, okLarge := runLen(t, bin, 2*growthN)
			if strings.HasPrefix(name, "no_") {
				if okSmall != okLarge {
					t.Fatalf("the program prints a len line in one run only")
				}
				if okSmall && large != small {
					t.Errorf("must-not-touch case: len %d after %d requests, %d after %d; want no growth", small, growthN, large, 2*growthN)
				}
				if strings.Contains("\n"+res.stdout, "\n"+name+"/") {
					t.Errorf("mapfix reports the must-not-touch case:\n%s", res.stdout)
				}
				return
			}
			if !okSmall || !okLarge {
				t.Fatalf("the program prints no len line")
			}
			if small == 0 || large <= small {
				t.Errorf("len %d after %d requests, %d after %d; want it to grow with the requests", small, growthN, large, 2*growthN)
			}
			t.Logf("len %d after %d requests, %d after %d", small, growthN, large, 2*growthN)
			for _, want := range goldenGrowthLines(t, name) {
				if !strings.Contains(res.stdout, want+"\n") {
					t.Errorf("mapfix does not report\n%s\ngot:\n%s", want, res.stdout)
				}
			}
		})
	}
}

// runLen runs the case program with n as its argument and returns the
// length it prints, if it prints one.
func runLen(t *testing.T, bin string, n int) (int, bool) {
	t.Helper()
	out, err := exec.Command(bin, strconv.Itoa(n)).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %d: %v\n%s", bin, n, err, out)
	}
	m := growthLen.FindSubmatch(out)
	if m == nil {
		return 0, false
	}
	l, _ := strconv.Atoi(string(m[1]))
	return l, true
}

// goldenGrowthLines returns the findings of a case's golden file as mapfix
// prints them when run in the module that holds every case.
func goldenGrowthLines(t *testing.T, name string) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "golden", "growth", name+".findings"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, l := range strings.Split(strings.TrimSuffix(string(b), "\n"), "\n") {
		if l != "" {
			out = append(out, strings.TrimPrefix(l, "testdata/growth/"))
		}
	}
	if len(out) == 0 {
		t.Fatal("the golden file has no finding")
	}
	return out
}
