#!/usr/bin/env bash
# Runs every fuzz target (a func FuzzXxx in a _test.go file) for a while,
# one after the other: go test -fuzz takes one target per package run.
# Usage: scripts/fuzz.sh [fuzztime per target]   (default 10s; CI runs 7s)
# A failing input is saved under the package's testdata/fuzz/FuzzXxx/;
# commit it with the fix, and it runs with the ordinary tests from then on.
set -euo pipefail
cd "$(dirname "$0")/.."
fuzztime=${1:-10s}
# go test -list prints a package's matching tests, then "ok <package> <time>".
targets=$(go test -list '^Fuzz' ./... | awk '/^Fuzz/ { t[n++] = $1 } /^ok / { for (i = 0; i < n; i++) print $2, t[i]; n = 0 }')
if [ -z "$targets" ]; then
	echo "no fuzz targets found" >&2
	exit 1
fi
while read -r pkg target; do
	echo "== $target ($pkg, $fuzztime)"
	go test -run '^$' -fuzz "^${target}\$" -fuzztime "$fuzztime" "$pkg"
done <<<"$targets"
