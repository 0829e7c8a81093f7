#!/usr/bin/env bash
# Starts Debian's PostgreSQL on loopback for the capstone's tests and prints
# the URL to export, e.g.:
#
#	eval "$(scripts/postgres.sh)"   # sets WORKBOOK_POSTGRES_URL
#	go test ./...
#
# It needs the postgresql package (apt-get install postgresql) and root, as
# on the CI machine. It creates a role and a database named workbook the first
# time; the tests make a schema of their own in it and drop it afterwards.
set -euo pipefail

if ! command -v pg_lsclusters >/dev/null 2>&1; then
	echo "scripts/postgres.sh: PostgreSQL is not installed (apt-get install postgresql)" >&2
	exit 1
fi

read -r version cluster port status _ < <(pg_lsclusters -h | head -n 1) || true
if [ -z "${version:-}" ]; then
	version=$(ls /usr/lib/postgresql | sort -n | tail -n 1)
	cluster=main
	pg_createcluster "$version" "$cluster" >&2
	read -r version cluster port status _ < <(pg_lsclusters -h | head -n 1)
fi
conf=/etc/postgresql/$version/$cluster/postgresql.conf
# Loopback only, whatever the package's default is.
if ! grep -q "^listen_addresses = '127.0.0.1'" "$conf"; then
	echo "listen_addresses = '127.0.0.1'" >>"$conf"
	[ "$status" = online ] && pg_ctlcluster "$version" "$cluster" restart >&2
fi
if [ "$status" != online ]; then
	pg_ctlcluster "$version" "$cluster" start >&2
fi

psql() { runuser -u postgres -- psql -p "$port" -v ON_ERROR_STOP=1 -qtA "$@"; }
for _ in $(seq 1 50); do
	psql -c 'SELECT 1' >/dev/null 2>&1 && break
	sleep 0.2
done
if [ "$(psql -c "SELECT 1 FROM pg_roles WHERE rolname = 'workbook'")" != 1 ]; then
	psql -c "CREATE ROLE workbook LOGIN PASSWORD 'workbook'" >&2
fi
if [ "$(psql -c "SELECT 1 FROM pg_database WHERE datname = 'workbook'")" != 1 ]; then
	psql -c "CREATE DATABASE workbook OWNER workbook" >&2
fi
# A role that may read the server's files, only for the test that the
# capstone's tests refuse such a role (exercises/testdb).
if [ "$(psql -c "SELECT 1 FROM pg_roles WHERE rolname = 'workbook_powerful'")" != 1 ]; then
	psql -c "CREATE ROLE workbook_powerful LOGIN PASSWORD 'workbook'" >&2
	psql -c "GRANT CONNECT ON DATABASE workbook TO workbook_powerful" >&2
	psql -c "GRANT pg_read_server_files TO workbook_powerful" >&2
fi
echo "export WORKBOOK_POSTGRES_POWERFUL_URL=postgres://workbook_powerful:workbook@127.0.0.1:$port/workbook?sslmode=disable"
echo "export WORKBOOK_POSTGRES_URL=postgres://workbook:workbook@127.0.0.1:$port/workbook?sslmode=disable"
