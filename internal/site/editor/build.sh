#!/usr/bin/env bash
# Builds internal/site/static/editor.js (the web workbook's CodeMirror 6 editor) from
# src/editor.js: exact versions from package-lock.json, one minified IIFE.
# Deterministic: the same lock file gives the same bytes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

npm ci --no-audit --no-fund --loglevel=error

out=../static/editor.js
./node_modules/.bin/esbuild src/editor.js \
  --bundle \
  --format=iife \
  --minify \
  --target=es2020 \
  --platform=browser \
  --legal-comments=none \
  --log-level=warning \
  --banner:js="/* WorkbookEditor (site/editor). Bundles CodeMirror 6, Lezer, style-mod, crelt, w3c-keyname, @marijn/find-cluster-break: MIT licence, (c) Marijn Haverbeke and others. */" \
  --outfile="$out"

# The page's CSP is script-src 'self': no eval or Function constructor.
if grep -Eq '\beval\(|new Function\(' "$out"; then
  echo "build.sh: $out uses eval or new Function" >&2
  exit 1
fi
echo "built $out ($(wc -c <"$out") bytes, $(gzip -9n <"$out" | wc -c) gzipped)"
