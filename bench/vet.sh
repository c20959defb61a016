#!/usr/bin/env bash
# Times go vet (its default analyzers, and mapfix as -vettool) and the mapfix
# command on a tree of Go packages: the standard library by default, or a
# module directory given as an argument. See bench/README.md for what each row
# means and how the vet cache is defeated for the cold rows.
#
# A benchmark, not a test: nothing here asserts a time.
set -euo pipefail

usage() {
  cat >&2 <<'EOF'
usage: bench/vet.sh [-n RUNS] [-r ROWS] [-f FILE] [DIR]

Measures, in DIR (default: $(go env GOROOT)/src, the standard library), on
the packages ./... (test files included, as go vet and mapfix take them):

  go vet ./...                       cold and warm (default analyzers)
  go vet -vettool=mapfix ./...       cold, warm with nothing changed, and
                                     warm after one file changed
  mapfix -q ./...                    the CLI dry run, missing its result cache
                                     (a new, empty one each run) and answered
                                     by it (nothing changed since the run before)

and prints a markdown table of the median wall time, CPU time and peak RSS
of RUNS runs of each (default 3; or set RUNS).

  -n RUNS   runs of each measurement
  -r ROWS   the rows to measure, comma-separated, of: vet-warm,
            mapfix-warm, mapfix-changed, mapfix-cli, mapfix-cli-cached,
            vet-cold, mapfix-cold
            (default all; the cold rows of a large module take long)
  -f FILE   the non-test .go file (relative to DIR) that the "one file
            changed" rows append a comment line to; by default the first
            file of the first package, in import-path order, that no package
            of ./... imports, that is not a command and that has tests.
            The file is restored when the script exits, however it exits.

mapfix is built from this script's repository, or taken from $MAPFIX.
Per-run logs (stdout, stderr) stay in a directory under $TMPDIR, printed at
the end. DIR's module dependencies must be downloaded (go mod download).
EOF
  exit 2
}

allrows=vet-warm,mapfix-warm,mapfix-changed,mapfix-cli,mapfix-cli-cached,vet-cold,mapfix-cold
runs=${RUNS:-3}
rows=$allrows
file=
while getopts n:r:f:h opt; do
  case $opt in
    n) runs=$OPTARG ;;
    r) rows=$OPTARG ;;
    f) file=$OPTARG ;;
    *) usage ;;
  esac
done
shift $((OPTIND - 1))
[ $# -le 1 ] || usage
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "$0: -n wants a positive count, not $runs" >&2; exit 2; }
for r in ${rows//,/ }; do
  [[ ,$allrows, == *,$r,* ]] || { echo "$0: -r: no row $r (rows: $allrows)" >&2; exit 2; }
done
want() { [[ ,$rows, == *,$1,* ]]; }   # want ROW: is ROW to be measured?

# GNU time, not the shell keyword: it reports the peak RSS (%M).
[ -x /usr/bin/time ] || { echo "$0: needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 2; }

self=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-$(go env GOROOT)/src}
[ -d "$dir" ] || { echo "$0: $dir: not a directory" >&2; exit 2; }
dir=$(cd "$dir" && pwd)

tmp=$(mktemp -d -t mapfix-vet.XXXXXX)   # under $TMPDIR
logs=$tmp/logs
mkdir "$logs"
changed=          # the file under measurement, while it is changed
cleanup() {
  # Put the changed file back first: it is the user's (or GOROOT's) source.
  if [ -n "$changed" ]; then
    cat "$tmp/orig" > "$changed"
    changed=
  fi
  # Keep the logs, drop the binaries (14 MiB each).
  rm -f "$tmp"/mapfix*
}
trap cleanup EXIT
trap 'exit 130' INT TERM   # run the EXIT trap on ^C too

bin=${MAPFIX:-}
if [ -z "$bin" ]; then
  go build -C "$self" -o "$tmp/mapfix" ./cmd/mapfix
  bin=$tmp/mapfix
fi
# go vet -vettool wants an absolute path.
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac

cd "$dir"
# The main modules: one, or a go.work's several.
module=$(go list -m | paste -sd' ' -)

# A string that differs on every run of every invocation of this script:
# it makes each cold run's vet cache key new, even against earlier runs of
# the script that filled the same GOCACHE.
nonce() { echo "bench$(date +%s%N)$$"; }

# In GOROOT, go vet runs its default analyzers with -unsafeptr=false on
# std packages, unless the user passes flags. The cold plain-vet rows pass
# a flag, so they also pass -unsafeptr=false there to run what the warm
# rows run.
stdflags=()
case " $module " in *" std "* | *" cmd "*) stdflags=(-unsafeptr=false) ;; esac

# A freshly keyed copy of mapfix: the go command keys a vet result on the
# vet tool's -V=full line, which for a unitchecker tool is the SHA-256 of its
# executable. Bytes appended to an ELF file change that hash and nothing else.
coldtool() {
  cp "$bin" "$tmp/mapfix-cold"
  printf '\n%s\n' "$(nonce)" >> "$tmp/mapfix-cold"
  echo "$tmp/mapfix-cold"
}

# The file the "one file changed" rows edit.
filepkg=
if want mapfix-changed; then
  if [ -z "$file" ]; then
    file=$(go list -e -f '{{.ImportPath}}|{{.Name}}|{{len .TestGoFiles}}|{{len .XTestGoFiles}}|{{join .GoFiles " "}}|{{join .Imports " "}}|{{.Dir}}' ./... |
      awk -F'|' '
        { path[NR] = $1; name[NR] = $2; tests[NR] = $3 + $4; files[NR] = $5; dir[NR] = $7
          n = split($6, im, " "); for (i = 1; i <= n; i++) imported[im[i]] = 1 }
        END {
          for (i = 1; i <= NR; i++)
            if (!(path[i] in imported) && name[i] != "main" && tests[i] > 0 && files[i] != "") {
              split(files[i], f, " "); print dir[i] "/" f[1]; exit
            }
        }')
    [ -n "$file" ] || { echo "$0: no leaf package with tests in $dir; pass -f FILE" >&2; exit 2; }
    file=${file#"$dir"/}
  fi
  [ -f "$file" ] && [ -w "$file" ] || { echo "$0: $dir/$file: not a writable file" >&2; exit 2; }
  case $file in
    *_test.go) echo "$0: $file: want a non-test .go file" >&2; exit 2 ;;
    *.go) ;;
    *) echo "$0: $file: want a non-test .go file" >&2; exit 2 ;;
  esac
  filepkg=$(go list "./$(dirname "$file")")
  cp "$file" "$tmp/orig"
fi

# Appends a distinct comment line to the file: its package's source changes
# (so its compile and vet actions miss the cache), its declarations do not
# move (so its export data, and the cache keys of its importers, stay put).
change() {
  changed=$dir/$file
  printf '// bench/vet.sh: changed %s\n' "$(nonce)" >> "$changed"
}
restore() {
  cat "$tmp/orig" > "$changed"
  changed=
}

# run LABEL CMD...: runs CMD in DIR, stdout and stderr to the logs. Exit 0
# and 1 (findings; for go vet also errors, which odd below lists) are
# results; more is a failure of the run itself, and stops the script.
run() {
  local label=$1 status=0
  shift
  "$@" >"$logs/$label.out" 2>"$logs/$label.err" || status=$?
  if [ "$status" -gt 1 ]; then
    echo "$0: $label failed (exit $status): $*" >&2
    tail -n 20 "$logs/$label.err" >&2
    exit 1
  fi
  echo "$status" > "$logs/$label.status"
}

# timed LABEL CMD...: run, under GNU time; appends "wall KiB cpu" to
# LABEL.times. %U and %S count the CPU time of the whole process tree (the
# waited-for children too): on a busy machine it moves less than the wall.
timed() {
  local label=$1 i wall kib user sys
  shift
  i=1
  [ ! -f "$logs/$label.times" ] || i=$(($(wc -l < "$logs/$label.times") + 1))
  run "$label.$i" /usr/bin/time -f '%e %M %U %S' -o "$tmp/time" "$@"
  # GNU time writes "Command exited with non-zero status N" before the
  # format line when the command fails: the figures are the last line.
  read -r wall kib user sys < <(tail -n 1 "$tmp/time")
  echo "$wall $kib $(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')" >> "$logs/$label.times"
  printf '%-14s run %d: %7.2fs %6d MiB %7.2fs CPU (exit %s, load average now %s)\n' "$label" "$i" "$wall" \
    $((kib / 1024)) "$(tail -n 1 "$logs/$label.times" | cut -d' ' -f3)" "$(cat "$logs/$label.$i.status")" \
    "$(cut -d' ' -f1 /proc/loadavg)" >&2
}

median() { # reads numbers, prints their median
  sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), $(go version), nproc $(nproc), load average at start: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
echo "== in $module ($dir), runs of each row: $runs; rows: $rows" >&2
[ -z "$filepkg" ] || echo "== changed file: $file (package $filepkg)" >&2

# Warm-ups, untimed: compile the export data of every package and its
# dependencies (test variants included) into the build cache, and fill the
# vet cache for the plain and the mapfix vet runs, so that no timed run pays
# for the compiler except where it should (the changed file's package). The
# go list is the one mapfix's loader (go/packages) runs, less the output: it
# compiles what the CLI reads as export data, which vet alone does not (the
# packages nothing imports), without a whole untimed CLI run.
echo "== warming the build and vet caches" >&2
if want vet-warm || want vet-cold; then
  run warm-vet go vet ./...
fi
if want mapfix-warm || want mapfix-changed || want mapfix-cold; then
  run warm-mapfix-vet go vet -vettool="$bin" ./...
fi
if want mapfix-cli; then
  run warm-list go list -e -compiled -test -export -deps -pgo=off ./...
fi

# The rows run one after the other, the cheap ones first, so that a run
# stopped early (the cold rows of a large module take long) has them in its
# log. A cold row uses new cache keys, so it leaves the warm rows' entries
# alone, whatever the order.
for ((i = 0; i < runs; i++)); do
  want vet-warm || break
  timed vet-warm go vet ./...
done
for ((i = 0; i < runs; i++)); do
  want mapfix-warm || break
  timed mapfix-warm go vet -vettool="$bin" ./...
done
for ((i = 0; i < runs; i++)); do
  want mapfix-changed || break
  change
  timed mapfix-changed go vet -vettool="$bin" ./...
  restore
done
for ((i = 0; i < runs; i++)); do
  want mapfix-cli || break
  timed mapfix-cli env MAPFIX_CACHE="$tmp/miss$i" "$bin" -q ./...
done
# The result cache of these runs starts empty: one untimed run fills it.
if want mapfix-cli-cached; then
  run cli-cache-fill env MAPFIX_CACHE="$tmp/cache" "$bin" -q ./...
fi
for ((i = 0; i < runs; i++)); do
  want mapfix-cli-cached || break
  timed mapfix-cli-cached env MAPFIX_CACHE="$tmp/cache" "$bin" -q ./...
done
for ((i = 0; i < runs; i++)); do
  want vet-cold || break
  # Cold: a printf.funcs entry that names no function in any package runs
  # the same analyzers over the same code, under a new cache key.
  timed vet-cold go vet "${stdflags[@]}" -printf.funcs="$(nonce)" ./...
done
for ((i = 0; i < runs; i++)); do
  want mapfix-cold || break
  tool=$(coldtool)
  timed mapfix-cold go vet -vettool="$tool" ./...
done
echo "== load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

# What the vet tool (or the go command) said beyond diagnostics: package
# headers ("# pkg"), diagnostics ("file.go:L:C: msg") and their indented
# continuations are expected; anything else (a tool error, a panic, a type
# error) is printed with the package it came under.
odd() {
  awk '/^# / { pkg = $2; next }
       /^[^[:space:]]+\.go:[0-9]+(:[0-9]+)?: / || /^\t/ { next }
       NF { print (pkg != "" ? pkg ": " : "") $0 }' "$@" | sort | uniq -c | sort -rn
}
# The vet runs print diagnostics on stderr, the CLI on stdout.
diags() { grep -cE '^[^[:space:]]+\.go:[0-9]+(:[0-9]+)?: ' "$1" || true; }

row() { # row LABEL DESCRIPTION
  local label=$1 what=$2
  want "$label" || return 0
  printf '| %s | %s | %s | %s | %d | %s | %s |\n' "$what" \
    "$(cut -d' ' -f1 "$logs/$label.times" | median)" \
    "$(cut -d' ' -f1 "$logs/$label.times" | paste -sd' ')" \
    "$(cut -d' ' -f3 "$logs/$label.times" | median)" \
    "$(($(cut -d' ' -f2 "$logs/$label.times" | median | cut -d. -f1) / 1024))" \
    "$(cat "$logs/$label".*.status | sort -u | paste -sd/)" \
    "$(diags "$logs/$label.1.$([[ "$label" = mapfix-cli* ]] && echo out || echo err)")"
}

{
  echo "| run | wall, median (s) | walls (s) | CPU user+sys, median (s) | peak RSS, median (MiB) | exit | diagnostic lines (run 1) |"
  echo "|---|---:|---|---:|---:|---|---:|"
  row vet-cold 'go vet, cold'
  row vet-warm 'go vet, warm'
  row mapfix-cold 'go vet -vettool=mapfix, cold'
  row mapfix-warm 'go vet -vettool=mapfix, warm, unchanged'
  row mapfix-changed "go vet -vettool=mapfix, warm, one file changed"
  row mapfix-cli 'mapfix -q (CLI, no result cache)'
  row mapfix-cli-cached 'mapfix -q (CLI, result cache hit)'
} | tee "$logs/table.md"

for label in vet-cold vet-warm mapfix-cold mapfix-warm mapfix-changed; do
  want "$label" || continue
  o=$(odd "$logs/$label".*.err)
  if [ -n "$o" ]; then
    echo
    echo "Output of $label other than diagnostics (count, package: line):"
    echo '```'
    echo "$o" | head -n 40
    echo '```'
  fi
done
if want mapfix-cli && [ -s "$logs/mapfix-cli.1.err" ]; then
  echo
  echo "stderr of mapfix -q (run 1):"
  echo '```'
  head -n 40 "$logs/mapfix-cli.1.err"
  echo '```'
fi
echo "logs: $logs" >&2
