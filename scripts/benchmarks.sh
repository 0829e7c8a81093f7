#!/usr/bin/env bash
# Runs every benchmark of the workbook once and prints docs/benchmarks.md's
# tables, each figure beside a baseline measured in the same run:
#
#	eval "$(scripts/postgres.sh)"    # optional: PostgreSQL figures too
#	scripts/benchmarks.sh [benchtime] > /tmp/bench.md   (default 3x)
#
# The raw go test -bench output goes to stderr as it runs.
set -euo pipefail
cd "$(dirname "$0")/.."
benchtime=${1:-3x}
raw=$(mktemp -d)
trap 'rm -rf "$raw"' EXIT

bench() { # name, then go test arguments
	local name=$1
	shift
	echo "== $name" >&2
	go test -run '^$' "$@" | tee "$raw/$name" >&2
}

bench suites -bench 'ExampleSuite|FullSuite' -benchtime "$benchtime" ./internal/harness/
bench start -bench 'Start/interp' -benchtime 20x ./internal/harness/
bench cold -bench 'Start/baseline' -benchtime 1x ./internal/harness/
bench scaling -bench PuzzleScaling -benchtime "$benchtime" ./internal/harness/
bench memory -bench WorkerMemory -benchtime 1x ./internal/harness/
bench saturation -bench Saturation -benchtime "$benchtime" ./internal/server/
bench request -bench 'RunRequest|IdleMemory|PageWeight' -benchtime "$benchtime" ./internal/server/
bench handouts -bench Build -benchtime 1x ./internal/handout/

# The capstone's store: the reference solution in a learner folder. Day
# files keep a "//go:build ignore" line in the repository; a learner's copy
# has "// CQRS Workbook." in its place (chapter.LearnerForm).
echo "== capstone" >&2
go run ./cmd/workbook init "$raw/learner" >/dev/null
for f in sqlstore.go profiles.go; do
	sed '1,/^package /s|^//go:build ignore$|// CQRS Workbook.|' "solutions/16-capstone/$f" >"$raw/learner/16-capstone/$f"
done
(cd "$raw/learner" && go test -run '^$' -bench . -benchtime 2s ./16-capstone/) | tee "$raw/capstone" >&2

echo "Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(go version | cut -d' ' -f3), $(date -u +%Y-%m-%d)."
echo
echo "### Every chapter's suites: interpreter against warm go test (ms per run, mean of $benchtime)"
echo
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
}' "$raw/suites"

echo
echo "### Before the first test: a worker's start against go test, cold and warm (chapter 1's example suite)"
echo
ws=$(awk '/^BenchmarkStart\/interp/ { print $3 / 1e6 }' "$raw/start")
cold=$(awk '/^BenchmarkStart\/baseline/ { print $3 / 1e6 }' "$raw/cold")
warm=$(awk '/^BenchmarkExampleSuite\/01-commands\/go/ { print $3 / 1e6 }' "$raw/suites")
interp1=$(awk '/^BenchmarkExampleSuite\/01-commands\/interp/ { print $3 / 1e6 }' "$raw/suites")
echo "| what | ms | against cold go test |"
echo "|---|---:|---:|"
awk -v ws="$ws" -v c="$cold" -v w="$warm" -v i="$interp1" 'BEGIN {
	printf "| an interpreter worker: start, load a package, run one empty test | %.0f | %.4f |\n", ws, ws / c
	printf "| chapter 1 example suite, interpreter | %.0f | %.4f |\n", i, i / c
	printf "| chapter 1 example suite, go test with a warm build cache | %.0f | %.3f |\n", w, w / c
	printf "| chapter 1 example suite, go test with an empty build cache (once) | %.0f | 1 |\n", c
}'

metric() { # file, benchmark name pattern, unit: prints the metric's value
	awk -v pat="$2" -v unit="$3" '$1 ~ pat { for (i = 2; i <= NF; i++) if ($i == unit) { print $(i - 1); exit } }' "$1"
}

echo
echo "### Puzzle input size: chapter 4's puzzle tests at 1×, 4× and 16× its 1,500 lines (ms of test time per run)"
echo
echo "| input | interp | go test | interp / go | interp / interp at 1× |"
echo "|---|---:|---:|---:|---:|"
base=$(metric "$raw/scaling" "x1/interp" "puzzle-ms/op")
for x in 1 4 16; do
	i=$(metric "$raw/scaling" "x$x/interp" "puzzle-ms/op")
	g=$(metric "$raw/scaling" "x$x/go" "puzzle-ms/op")
	awk -v x="$x" -v i="$i" -v g="$g" -v b="$base" 'BEGIN { printf "| %d× (%d lines) | %.0f | %.0f | %.0f | %.1f |\n", x, x * 1500, i, g, (g > 0 ? i / g : 0), i / b }'
done

echo
echo "### Runs per second at saturation (chapter 1's example suite through the server, $(nproc) workers, 8 waiting)"
echo
echo "| clients | runs/s | 429 answers per 40 runs | against one client |"
echo "|---|---:|---:|---:|"
one=$(metric "$raw/saturation" "clients=1-" "runs/s")
awk '/^BenchmarkSaturation\// { split($1, p, "="); c = p[2]; sub(/-[0-9]+$/, "", c)
	for (i = 2; i <= NF; i++) { if ($i == "runs/s") r = $(i-1); if ($i == "429s/op") q = $(i-1) }
	printf "| %s | %.1f | %.0f | %.2f |\n", c, r, q, r / one }' one="$one" "$raw/saturation"

echo
echo "### Memory"
echo
rss=$(metric "$raw/request" "IdleMemory" "MiB-rss")
peak=$(awk '/^BenchmarkWorkerMemory\// { for (i = 2; i <= NF; i++) if ($i == "peak-MiB") v = $(i-1) } END { print v }' "$raw/memory")
echo "| what | MiB | against the worker's limit (1 GiB) |"
echo "|---|---:|---:|"
awk -v p="$peak" 'BEGIN { printf "| an interpreter worker, peak RSS over every chapter'"'"'s full suite | %.0f | %.2f |\n", p, p / 1024 }'
awk -v r="$rss" 'BEGIN { printf "| the server, idle after serving a chapter | %.0f | |\n", r }'

echo
echo "### Handouts: all chapters (ms per build)"
echo
rw=$(awk '/baseline\/render-web/ { print $3 / 1e6 }' "$raw/handouts")
echo "| build | ms | against rendering every chapter for the web |"
echo "|---|---:|---:|"
awk -v b="$rw" '/^BenchmarkBuild\// { n = $1; sub(/^BenchmarkBuild\//, "", n); sub(/-[0-9]+$/, "", n); printf "| %s | %.0f | %.1f |\n", n, $3 / 1e6, ($3 / 1e6) / b }' "$raw/handouts"

echo
echo "### The capstone's event store (reference solution, compiled)"
echo
echo "| store | appends/s (one event, one transaction each) | against memory | events loaded/s (a 100-event stream) | against memory |"
echo "|---|---:|---:|---:|---:|"
ma=$(metric "$raw/capstone" "Append/memory" "appends/s")
ml=$(metric "$raw/capstone" "Load/memory" "events/s")
for s in memory sqlite postgres; do
	a=$(metric "$raw/capstone" "Append/$s" "appends/s")
	l=$(metric "$raw/capstone" "Load/$s" "events/s")
	[ -z "$a" ] && continue
	awk -v s="$s" -v a="$a" -v l="$l" -v ma="$ma" -v ml="$ml" 'BEGIN { printf "| %s | %.0f | %.4f | %.0f | %.3f |\n", s, a, a / ma, l, l / ml }'
done
