#!/usr/bin/env bash
# Kill test: ingest a mixed archive (text, PDF, nested folders, a zip, a duplicate, a broken file), kill -9 the loader
# at random moments several times, run the same command to the end, and compare the store with a clean run's store
# row by row (docintel store-dump: ledger, paths, documents, citations, FTS vocabulary, integrity check).
# Usage: bash scripts/kill-test.sh [KILLS]   — prints "kill test: passed" or the first differing rows.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
kills="${1:-5}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
./docintel --help > /dev/null   # build once, outside the timed runs
cli=(dotnet "$here/.build/cli/docintel.dll")

arc="$work/archive"
mkdir -p "$arc/nested/deeper"
cp -r testdata/seeds "$arc/seeds"
cp testdata/pdf/*.pdf "$arc/nested/"
cp testdata/seeds/000_*.txt "$arc/nested/deeper/copy-of-000.txt"   # identical bytes: stored once, both paths kept
printf 'not a pdf' > "$arc/nested/broken.pdf"                        # fails with a reason
"${cli[@]}" generate "$arc/generated" --count 200 --seed 7 --templates testdata/seeds > /dev/null
"${cli[@]}" generate "$arc/bundle.zip" --count 100 --seed 8 --templates testdata/seeds > /dev/null

ingest() { "${cli[@]}" ingest "$arc" --db "$1" --plain > /dev/null 2>&1; }

start=$(date +%s%N)
ingest "$work/clean.db" || true   # exit 1: the broken file
clean_ms=$(( ($(date +%s%N) - start) / 1000000 ))
"${cli[@]}" store-dump --db "$work/clean.db" > "$work/clean.txt"

midrun=0
for ((i = 1; i <= kills; i++)); do
  ingest "$work/killed.db" &
  pid=$!
  # A random moment after start-up within a slice of the clean run's duration, so most kills land mid-run
  # (each resumed run has less left to do).
  slice=$(( clean_ms / (kills + 1) + 1 ))
  ms=$(( 600 + RANDOM % slice ))
  sleep "$(( ms / 1000 )).$(printf '%03d' $(( ms % 1000 )))"
  if kill -0 "$pid" 2> /dev/null; then midrun=$((midrun + 1)); fi
  kill -9 "$pid" 2> /dev/null || true
  wait "$pid" 2> /dev/null || true
done
ingest "$work/killed.db" || true
"${cli[@]}" store-dump --db "$work/killed.db" > "$work/killed.txt"

rows=$(wc -l < "$work/clean.txt")
if ! grep -q $'^integrity\tok$' "$work/killed.txt"; then
  echo "kill test: FAILED — the killed store is damaged"; grep '^integrity' "$work/killed.txt"; exit 1
fi
if diff -q "$work/clean.txt" "$work/killed.txt" > /dev/null; then
  echo "kill test: passed — $kills kill -9 ($midrun mid-run), resumed store identical to the clean run's ($rows rows)"
else
  echo "kill test: FAILED — $kills kill -9 ($midrun mid-run); first differences (< clean, > killed):"
  diff "$work/clean.txt" "$work/killed.txt" | head -20
  exit 1
fi
