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
# Prints the wall time and peak memory of each of 5 runs and their median.
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
# The warm-up run must work: timing a run that fails would mean nothing.
status=0
"$bin" -q "$@" >/dev/null 2>"$tmp/err" || status=$?
if [ "$status" -gt 1 ]; then
  echo "$0: mapfix failed in $(pwd) (exit $status):" >&2
  cat "$tmp/err" >&2
  exit 1
fi
for i in 1 2 3 4 5; do
  /usr/bin/time -f "%e %M" -o "$tmp/t$i" "$bin" -q "$@" >/dev/null 2>&1 || true
  read -r wall kib < <(tail -n 1 "$tmp/t$i")
  printf 'run %d: %6.2fs %6d MiB\n' "$i" "$wall" $((kib / 1024))
  echo "$wall" >> "$tmp/walls"
done
printf 'median: %.2fs for %d files\n' "$(sort -n "$tmp/walls" | sed -n 3p)" $#
