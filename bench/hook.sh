#!/usr/bin/env bash
# Times the pre-commit hook's dry run: mapfix on a few files of a repository,
# once the build cache is warm (the first, untimed run fills it).
#
#   bench/hook.sh REPO FILE...     # FILE relative to the top of REPO, as the hook passes them
#
# Runs from anywhere: mapfix is built from this script's repository (or taken
# from $MAPFIX, a binary already built), and the runs happen at the top level
# of REPO's git repository (or in REPO, if it is not in one), where pre-commit
# runs hooks.
# Prints the wall time and peak memory of each of 5 runs and their median,
# for runs that the result cache answers (the hook run again on unchanged
# files), runs after an edit inside the files' bodies (the list cache
# answers the go command's part), and runs that start from empty caches.
# A benchmark, not a test: nothing here asserts a time.
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 REPO FILE..." >&2; exit 2; }
repo=$1; shift
[ -d "$repo" ] || { echo "$0: $repo: not a directory" >&2; exit 2; }
self=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
bin=${MAPFIX:-}
if [ -z "$bin" ]; then
  go build -C "$self" -o "$tmp/mapfix" ./cmd/mapfix
  bin=$tmp/mapfix
fi
cd "$repo"
cd "$(git rev-parse --show-toplevel 2>/dev/null || pwd)"
# The result cache lives in $tmp: runs with it start from nothing cached.
cache=$tmp/cache
# The warm-up run must work: timing a run that fails would mean nothing.
# It also fills the result cache.
status=0
MAPFIX_CACHE=$cache "$bin" -q "$@" >/dev/null 2>"$tmp/err" || status=$?
if [ "$status" -gt 1 ]; then
  echo "$0: mapfix failed in $(pwd) (exit $status):" >&2
  cat "$tmp/err" >&2
  exit 1
fi
# Five runs of each kind:
#   cached  nothing changed since the warm-up: the hook run again;
#   edited  a comment line appended to each file before the run (a change
#           inside their bodies, as most commits make): the result cache
#           misses, the list cache (the go command's metadata answer) serves;
#   fresh   each with a new, empty cache: every run misses both and checks
#           the files from scratch.
# The files are restored when the script ends.
for f in "$@"; do
  mkdir -p "$tmp/orig/$(dirname "$f")"
  cp -p "$f" "$tmp/orig/$f"
done
restore() {
  for f in "$@"; do cp -p "$tmp/orig/$f" "$f"; done
}
trap 'restore "$@"; rm -rf "$tmp"' EXIT
for kind in cached edited fresh; do
  for i in 1 2 3 4 5; do
    c=$cache
    [ "$kind" = fresh ] && c=$tmp/miss$i
    if [ "$kind" = edited ]; then
      for f in "$@"; do printf '\n// mapfix hook.sh edit %d\n' "$i" >> "$f"; done
    fi
    MAPFIX_CACHE=$c /usr/bin/time -f "%e %M" -o "$tmp/t" "$bin" -q "$@" >/dev/null 2>&1 || true
    read -r wall kib < <(tail -n 1 "$tmp/t")
    printf '%s run %d: %6.2fs %6d MiB\n' "$kind" "$i" "$wall" $((kib / 1024))
    echo "$wall" >> "$tmp/walls-$kind"
  done
  restore "$@"
  printf '%s median: %.2fs for %d files\n' "$kind" "$(sort -n "$tmp/walls-$kind" | sed -n 3p)" $#
done
