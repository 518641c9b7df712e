#!/usr/bin/env bash
# Extraction on scans against the same gold as their text versions: document numbers, types, dates, issuers and
# citation recall for harsh 200 dpi G4 TIFFs and 300 dpi image-only PDFs, beside the text versions of the same
# documents. Without an argument: the committed scans (testdata/scans: harsh TIFFs of seeds 000, 002, 004 and dev c005,
# c019; 300 dpi PDFs of seeds 002 and 004). With a folder of make-scan output (<id>.scan300.pdf, <id>.harsh200.tif for
# seed or dev-set texts, e.g. from `make-scan testdata/dev/c002.txt DIR`), every scan there with a gold line is added.
# Usage: scripts/eval-scans.sh [MAKE_SCAN_OUTPUT_DIR]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
t="$here/testdata"
extra="${1:-}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/text" "$work/harsh200" "$work/scan300"
text_of() { # id → its text file (seed or dev set)
  if [[ -f "$t/seeds/$1.txt" ]]; then echo "$t/seeds/$1.txt"; elif [[ -f "$t/dev/$1.txt" ]]; then echo "$t/dev/$1.txt"; fi
}
add() { # id, variant, scan file
  local src; src="$(text_of "$1")"
  [[ -n "$src" ]] || return 0
  cp "$src" "$work/text/"
  if [[ "$2" == harsh200 ]]; then cp "$3" "$work/harsh200/$1.tif"; else cp "$3" "$work/scan300/$1.pdf"; fi
}
for id in 000_1afb2497f3ceea48 002_209883ea81caa762 004_5eb50ab86d8b2fa5 c005 c019; do add "$id" harsh200 "$t/scans/$id.harsh200.tif"; done
for id in 002_209883ea81caa762 004_5eb50ab86d8b2fa5; do add "$id" scan300 "$t/scans/$id.scan300.pdf"; done
if [[ -n "$extra" ]]; then
  for f in "$extra"/*.harsh200.tif; do [[ -e "$f" ]] && add "$(basename "$f" .harsh200.tif)" harsh200 "$f"; done
  for f in "$extra"/*.scan300.pdf; do [[ -e "$f" ]] && add "$(basename "$f" .scan300.pdf)" scan300 "$f"; done
fi
ids_in() { ls "$1" | sed 's/\.[^.]*$//' | sort -u | paste -sd'|'; }
gold() { cat "$t/seeds/expected.jsonl" "$t/dev/expected.jsonl" | grep -E "\"id\": \"($1)\"" || true; }
gold "$(ids_in "$work/harsh200")" > "$work/gold-harsh200.jsonl"
gold "$(ids_in "$work/scan300")" > "$work/gold-scan300.jsonl"
cd "$here"
for variant in harsh200 scan300; do
  for version in text "$variant"; do
    echo "== $version ($(ls "$work/$variant" | wc -l) documents with a $variant scan, $(wc -l < "$work/gold-$variant.jsonl") gold parts)"
    ./docintel eval "$work/gold-$variant.jsonl" "$work/$version" --mismatches 2>&1 | grep -E '^(doc_type|number|issued_date|issuer.name|citations) |citation:|number:' || true
  done
done
