#!/usr/bin/env bash
# Regenerates testdata/scans/ (OCR test data) from text with shared/tools/scan/make-scan, reproducibly (the seed is
# derived from each file's name). Needs the Debian packages listed in shared/tools/scan/README.md.
# Usage: scripts/make-scans.sh [OUTDIR]   (default testdata/scans)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${DOCINTEL_SHARED:-$here/../shared}"
tool="$shared/tools/scan/make-scan"
out="${1:-$here/testdata/scans}"
[[ -x "$tool" ]] || { echo "make-scans: $tool not found (set DOCINTEL_SHARED)" >&2; exit 1; }
mkdir -p "$out"
# Seeds (hand-checked gold in testdata/seeds/expected.jsonl) and three dev-set texts of the shared corpus.
sources=(
  "$here/testdata/seeds/000_1afb2497f3ceea48.txt"
  "$here/testdata/seeds/002_209883ea81caa762.txt"
  "$here/testdata/seeds/004_5eb50ab86d8b2fa5.txt"
  "$shared/corpus/text/c005.txt"
  "$shared/corpus/text/c019.txt"
)
for src in "${sources[@]}"; do
  echo "make-scans: $(basename "$src")" >&2
  "$tool" "$src" "$out" >/dev/null
done
# The digital PDFs are the text versions' renderings; keep only what the tests and the evaluation read.
ls -la "$out" >&2
