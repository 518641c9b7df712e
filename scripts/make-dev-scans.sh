#!/usr/bin/env bash
# Scans of every seed and dev-set text (make-scan: a 300 dpi image-only PDF and a harsh 200 dpi G4 TIFF each) for
# `scripts/eval-scans.sh OUTDIR`, the scan-vs-text proof over the whole gold set (30 texts; the long decrees make 16–20
# pages each). Outputs already there are kept, so a rerun resumes. About 150 MB; not committed.
# Usage: scripts/make-dev-scans.sh OUTDIR
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${DOCINTEL_SHARED:-$here/../shared}"
tool="$shared/tools/scan/make-scan"
out="${1:?usage: scripts/make-dev-scans.sh OUTDIR}"
[[ -x "$tool" ]] || { echo "make-dev-scans: $tool not found (set DOCINTEL_SHARED)" >&2; exit 1; }
mkdir -p "$out"
for src in "$here"/testdata/seeds/*.txt "$here"/testdata/dev/*.txt; do
  stem="$(basename "$src" .txt)"
  if [[ -f "$out/$stem.scan300.pdf" && -f "$out/$stem.harsh200.tif" ]]; then continue; fi
  echo "make-dev-scans: $stem" >&2
  "$tool" "$src" "$out" >/dev/null
done
ls "$out"/*.scan300.pdf | wc -l | xargs echo "make-dev-scans: 300 dpi PDFs:" >&2
