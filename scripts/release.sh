#!/usr/bin/env bash
# Builds the workbook's release archives: one binary per operating system
# and architecture, with everything embedded (chapters, stubs, tests,
# solutions, the site), so the binary alone is the whole workbook.
#
#	scripts/release.sh v1.0.0 [OUTDIR]     (default dist/)
#
# OUTDIR gets workbook_VERSION_OS_ARCH.tar.gz (.zip for Windows), each with
# the binary, README.md and LICENSE if there is one, and SHA256SUMS.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -lt 1 ] || [[ ! $1 =~ ^v[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.-]+)?$ ]]; then
	echo "usage: scripts/release.sh vMAJOR.MINOR.PATCH [OUTDIR]" >&2
	exit 2
fi
version=$1
out=${2:-dist}
targets="linux/amd64 linux/arm64 darwin/amd64 darwin/arm64 windows/amd64 windows/arm64"

for tool in zip tar sha256sum; do
	command -v $tool >/dev/null || { echo "release.sh needs $tool" >&2; exit 1; }
done

mkdir -p "$out"
out=$(cd "$out" && pwd)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

for target in $targets; do
	goos=${target%/*} goarch=${target#*/}
	name=workbook_${version}_${goos}_${goarch}
	exe=workbook
	[ "$goos" = windows ] && exe=workbook.exe
	mkdir -p "$stage/$name"
	CGO_ENABLED=0 GOOS=$goos GOARCH=$goarch go build -trimpath \
		-ldflags "-s -w -X main.version=$version" -o "$stage/$name/$exe" ./cmd/workbook
	cp README.md "$stage/$name/"
	[ -f LICENSE ] && cp LICENSE "$stage/$name/"
	if [ "$goos" = windows ]; then
		rm -f "$out/$name.zip"
		(cd "$stage" && zip -qr -X "$out/$name.zip" "$name")
	else
		tar -C "$stage" --owner=0 --group=0 --numeric-owner -czf "$out/$name.tar.gz" "$name"
	fi
	echo "$target ok" >&2
done

(cd "$out" && sha256sum workbook_"${version}"_* >SHA256SUMS)

echo "| archive | size (MiB) | binary (MiB) |"
echo "|---|---:|---:|"
for target in $targets; do
	goos=${target%/*} goarch=${target#*/}
	name=workbook_${version}_${goos}_${goarch}
	archive=$name.tar.gz exe=workbook
	[ "$goos" = windows ] && archive=$name.zip exe=workbook.exe
	awk -v a="$archive" -v s="$(stat -c %s "$out/$archive")" -v b="$(stat -c %s "$stage/$name/$exe")" \
		'BEGIN { printf "| %s | %.1f | %.1f |\n", a, s / 1048576, b / 1048576 }'
done
