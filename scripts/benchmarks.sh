#!/usr/bin/env bash
# Runs the harness benchmarks once and prints a Markdown table of each
# chapter's suite in the interpreter against warm go test, with the ratio,
# all from the same run. Usage: scripts/benchmarks.sh [benchtime]   (default 5x)
set -euo pipefail
cd "$(dirname "$0")/.."
benchtime=${1:-5x}
out=$(mktemp)
go test -run '^$' -bench 'ExampleSuite|FullSuite' -benchtime "$benchtime" ./harness/ | tee "$out" >&2
awk '
/^Benchmark(Example|Full)Suite\// {
	split($1, p, "/"); suite = (p[1] ~ /Example/) ? "example" : "full"
	ch = p[2]; eng = p[3]; sub(/-[0-9]+$/, "", eng)
	ms[suite "/" ch "/" eng] = $3 / 1e6
	if (!((suite "/" ch) in seen)) { seen[suite "/" ch] = 1; order[n++] = suite "/" ch }
}
END {
	print "| chapter | suite | interp (ms/run) | go test, warm (ms/run) | interp / go |"
	print "|---|---|---:|---:|---:|"
	for (i = 0; i < n; i++) {
		k = order[i]; split(k, q, "/")
		a = ms[k "/interp"]; b = ms[k "/go"]
		printf "| %s | %s | %.0f | %.0f | %.2f |\n", q[2], q[1], a, b, (b > 0 ? a / b : 0)
	}
}' "$out"
rm -f "$out"
