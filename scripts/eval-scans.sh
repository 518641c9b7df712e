#!/usr/bin/env bash
# Extraction on the committed scans (testdata/scans) against the same gold as their text versions: document numbers,
# types, dates, issuers and citation recall for the harsh 200 dpi G4 TIFFs (seeds 000, 002, 004, dev c005, c019) and the
# 300 dpi image-only PDFs (seeds 002, 004), beside the text versions of the same documents. Usage: scripts/eval-scans.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
t="$here/testdata"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/text" "$work/harsh200" "$work/scan300"
for id in 000_1afb2497f3ceea48 002_209883ea81caa762 004_5eb50ab86d8b2fa5; do cp "$t/seeds/$id.txt" "$work/text/"; cp "$t/scans/$id.harsh200.tif" "$work/harsh200/$id.tif"; done
for id in c005 c019; do cp "$t/dev/$id.txt" "$work/text/"; cp "$t/scans/$id.harsh200.tif" "$work/harsh200/$id.tif"; done
for id in 002_209883ea81caa762 004_5eb50ab86d8b2fa5; do cp "$t/scans/$id.scan300.pdf" "$work/scan300/$id.pdf"; done
# Gold lines of the scanned documents only.
cat "$t/seeds/expected.jsonl" "$t/dev/expected.jsonl" | grep -E '"id": "(000_1afb2497f3ceea48|002_209883ea81caa762|004_5eb50ab86d8b2fa5|c005|c019)"' > "$work/gold-harsh.jsonl"
grep -E '"id": "(002_209883ea81caa762|004_5eb50ab86d8b2fa5)"' "$work/gold-harsh.jsonl" > "$work/gold-scan300.jsonl"
cd "$here"
for run in "gold-harsh text" "gold-harsh harsh200" "gold-scan300 text" "gold-scan300 scan300"; do
  set -- $run
  echo "== ${2} (gold: ${1#gold-} documents)"
  ./docintel eval "$work/$1.jsonl" "$work/$2" --mismatches 2>&1 | grep -E '^(doc_type|number|issued_date|issuer.name|citations) |citation:|number:' || true
done
