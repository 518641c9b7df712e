#!/usr/bin/env bash
# Bulk load and query benchmark, in one go (figures for docs/benchmarks.md, "Bulk load and queries").
#   1. generate N1 synthetic documents (default 10,000); ingest them with 1 worker (baseline) and with the default
#      workers; documents/s, peak memory (VmHWM via /usr/bin/time), time per stage;
#   2. generate N2 documents (default 100,000) unless a store is given; ingest; store size per document;
#   3. query latency p50/p95 over that store: search, filtered search, exact search, who cites, grouped, related, stats;
#      wall and CPU time per query, and the search ranking every match (no candidate cap) as the baseline;
#   4. the store writer alone over 5,000 pre-extracted documents, against plain inserts in the same process.
# The machine is shared: every step prints the load average, and CPU seconds (user + sys) next to wall time.
# Usage: bash scripts/bench.sh [N1] [N2] [WORKDIR]     (N2 = 0 skips step 2 and 3)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
n1="${1:-10000}"; n2="${2:-100000}"; work="${3:-$(mktemp -d)}"
mkdir -p "$work"
./docintel --help > /dev/null
cli=(dotnet "$here/.build/cli/docintel.dll")
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

run_ingest() { # label, archive, db, extra args
  local label="$1" arc="$2" db="$3"; shift 3
  rm -f "$db" "$db"-wal "$db"-shm
  local load; load="$(cut -d' ' -f1 /proc/loadavg)"
  /usr/bin/time -f "%M %e %U %S" -o "$work/time.txt" "${cli[@]}" ingest "$arc" --db "$db" --plain "$@" > "$work/report.txt" 2> /dev/null || true
  read -r rss wall user sys < "$work/time.txt"
  echo "== $label (load average $load at start)"
  grep -E '^(files|documents|time):' "$work/report.txt"
  echo "peak RSS: $(( rss / 1024 )) MB; wall $wall s, CPU ${user} s user + ${sys} s sys"
  echo "$wall" > "$work/wall-$(basename "$db").txt"
}

"${cli[@]}" generate "$work/g$n1" --count "$n1" --seed 1
run_ingest "ingest $n1 documents, 1 worker (baseline)" "$work/g$n1" "$work/s$n1-w1.db" --workers 1 --ocr-workers 1
run_ingest "ingest $n1 documents, default workers ($(nproc) cores)" "$work/g$n1" "$work/s$n1.db"
echo "default workers vs 1 worker: $(echo "scale=2; $(cat "$work/wall-s$n1-w1.db.txt") / $(cat "$work/wall-s$n1.db.txt")" | bc)× faster"
echo "== store writer alone"
"${cli[@]}" bench store "$work/g$n1" --count 5000

if (( n2 > 0 )); then
  if [[ ! -f "$work/s$n2.db" ]]; then
    "${cli[@]}" generate "$work/g$n2" --count "$n2" --seed 100
    run_ingest "ingest $n2 documents" "$work/g$n2" "$work/s$n2.db"
  fi
  echo "== queries over $n2 documents"
  "${cli[@]}" bench-queries --db "$work/s$n2.db" --rounds 200 --baseline
fi
