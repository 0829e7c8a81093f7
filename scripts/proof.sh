#!/usr/bin/env bash
# The long forms of the reliability tests (docs/reliability.md), in one
# command. CI runs the short forms on every change; run this before a
# release or after touching the harness, the server or the workspace:
#
#	scripts/proof.sh            # about 75 minutes on a 2-core machine
#	scripts/proof.sh 1m         # the same with fuzz targets 1 minute each
#
# It runs: the crash test with 200 SIGKILLs during saves, the soak test with
# 1,000 run requests in a row, the load and slow-client tests, the hostile
# learner code fixtures, the capstone's two-process race on SQLite (and on
# PostgreSQL when WORKBOOK_POSTGRES_URL is set: eval "$(scripts/postgres.sh)"),
# and every fuzz target for the given time (default 10m).
set -euo pipefail
cd "$(dirname "$0")/.."
fuzztime=${1:-10m}

echo "== crash: 200 rounds of SIGKILL during saves"
WORKBOOK_CRASH_ROUNDS=200 go test -count=1 -timeout 60m -run '^TestCrashDuringSave$' -v ./internal/server/ | grep -E '^(---|===|ok|FAIL|PASS)|crash_test' || exit 1

echo "== soak: 1,000 run requests"
WORKBOOK_SOAK_RUNS=1000 go test -count=1 -timeout 60m -run '^TestSoak$' -v ./internal/server/ | grep -E '^(---|ok|FAIL|PASS)|load_test' || exit 1

echo "== load, slow clients, concurrent saves"
go test -count=1 -run '^(TestLoad|TestSlowClients|TestConcurrentSaves)$' ./internal/server/

echo "== hostile learner code, both engines"
go test -count=1 -run '^TestHostileLearnerCode$' ./internal/harness/

echo "== the capstone's two-process race"
go test -count=1 -run '^TestCapstoneTwoProcesses$' -v ./internal/check/ | grep -E '^\s*(---|ok|FAIL)' || exit 1

echo "== fuzz targets, $fuzztime each"
scripts/fuzz.sh "$fuzztime"
