#!/usr/bin/env bash
# Reading and OCR benchmark, run in one go; prints the figures for docs/benchmarks.md ("Reading and OCR").
#  1. OCR CER per variant (scan300 JPEG PDF, harsh200 G4 TIFF) against make-scan's ground truth (cer.py).
#  2. OCR pages/s through `docintel extract` with 1 and 2 OCR workers against the `tesseract` CLI on the same pages
#     (pdftoppm'd to PGM, psm 3, OMP_THREAD_LIMIT=1, run with xargs -P1 / -P2): ratio.
#  3. Text-layer reading pages/s (docintel extract --no-ocr, PdfPig + layout + normalise + extract) against pdftotext.
#  4. Peak memory (max RSS) of `docintel extract` on a long scanned PDF (BENCH_LONG_PAGES pages, default 300).
# Usage: scripts/bench-ocr.sh   (env: BENCH_LONG_PAGES=300, BENCH_OCR_PAGES=6)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
shared="${DOCINTEL_SHARED:-$here/../shared}"
cer="$shared/tools/scan/cer.py"
scans=testdata/scans
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export OMP_THREAD_LIMIT=1
long_pages="${BENCH_LONG_PAGES:-300}"
ocr_pages="${BENCH_OCR_PAGES:-6}"
./docintel --help >/dev/null  # build once, outside the timings
now() { date +%s.%N; }
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $(tesseract --version 2>&1 | head -1); data: ${DOCINTEL_TESSDATA:-Debian vie (fast)}"

echo "== 1. CER per variant (docintel extract --text: OCR + layout + normalisation)"
for f in "$scans"/*.scan300.pdf "$scans"/*.harsh200.tif; do
  stem="$(basename "$f")"; stem="${stem%%.*}"
  ./docintel extract "$f" --text --no-evidence >/dev/null 2>"$work/$stem.err" || true
  grep -v '^=== \|^docintel:' "$work/$stem.err" > "$work/$stem.txt"
  printf '%-45s %s\n' "$(basename "$f")" "$(python3 "$cer" "$scans/$stem.gt.txt" "$work/$stem.txt")"
done

echo "== 2. OCR pages/s: docintel (1 and 2 workers) vs tesseract CLI on the same $ocr_pages pages"
# The first pages of the seed scans, as one image-only PDF and as PGM files for the CLI.
qpdf --empty --pages "$scans/004_5eb50ab86d8b2fa5.scan300.pdf" 1-3 "$scans/002_209883ea81caa762.scan300.pdf" 1-2 "$scans/004_5eb50ab86d8b2fa5.scan300.pdf" 1 -- "$work/ocr.pdf"
qpdf --empty --pages "$work/ocr.pdf" "1-$ocr_pages" -- "$work/ocrn.pdf"
pdftoppm -r 300 -gray "$work/ocrn.pdf" "$work/pg"
t0=$(now); ls "$work"/pg-*.pgm | xargs -P1 -I{} tesseract {} - -l vie --psm 3 --dpi 300 >/dev/null 2>&1; t1=$(now)
cli1=$(echo "$ocr_pages / ($t1 - $t0)" | bc -l)
t0=$(now); ls "$work"/pg-*.pgm | xargs -P2 -I{} tesseract {} - -l vie --psm 3 --dpi 300 >/dev/null 2>&1; t1=$(now)
cli2=$(echo "$ocr_pages / ($t1 - $t0)" | bc -l)
t0=$(now); ./docintel extract "$work/ocrn.pdf" --ocr-workers 1 --no-evidence >/dev/null 2>&1; t1=$(now)
di1=$(echo "$ocr_pages / ($t1 - $t0)" | bc -l)
t0=$(now); ./docintel extract "$work/ocrn.pdf" --ocr-workers 2 --no-evidence >/dev/null 2>&1; t1=$(now)
di2=$(echo "$ocr_pages / ($t1 - $t0)" | bc -l)
printf 'tesseract CLI: %.3f pages/s (1 process at a time), %.3f pages/s (2)\n' "$cli1" "$cli2"
printf 'docintel:      %.3f pages/s (1 worker), %.3f pages/s (2 workers)\n' "$di1" "$di2"
printf 'ratio docintel/CLI: %.2f (1), %.2f (2); docintel scaling 2/1 workers: %.2f\n' "$(echo "$di1/$cli1" | bc -l)" "$(echo "$di2/$cli2" | bc -l)" "$(echo "$di2/$di1" | bc -l)"

echo "== 3. Text layer: docintel extract --no-ocr vs pdftotext (50 pages, one process each)"
qpdf --empty --pages $(for i in $(seq 1 10); do echo "$scans/c019.pdf"; done) -- "$work/text50.pdf" 2>/dev/null
n=$(pdfinfo "$work/text50.pdf" | awk '/^Pages:/{print $2}')
t0=$(now); pdftotext "$work/text50.pdf" - >/dev/null; t1=$(now)
pt=$(echo "$n / ($t1 - $t0)" | bc -l)
t0=$(now); ./docintel extract "$work/text50.pdf" --no-ocr --no-evidence >/dev/null 2>&1; t1=$(now)
pp=$(echo "$n / ($t1 - $t0)" | bc -l)
printf '%d pages: pdftotext %.1f pages/s, docintel (PdfPig words + layout + extraction, incl. start-up) %.1f pages/s, ratio %.2f\n' "$n" "$pt" "$pp" "$(echo "$pp/$pt" | bc -l)"

echo "== 4. Peak memory on a $long_pages-page scanned PDF (docintel extract, 2 workers)"
reps=$(( (long_pages + 2) / 3 ))
qpdf --empty --pages $(for i in $(seq 1 "$reps"); do echo "$scans/004_5eb50ab86d8b2fa5.scan300.pdf"; done) -- "$work/long.pdf" 2>/dev/null
qpdf --empty --pages "$work/long.pdf" "1-$long_pages" -- "$work/longn.pdf"
t0=$(now)
/usr/bin/time -f '%M' -o "$work/rss" ./docintel extract "$work/longn.pdf" --no-evidence >/dev/null 2>&1 || true
t1=$(now)
printf '%d pages (%s MB file): peak RSS %.0f MB, %.1f s, %.3f pages/s\n' "$long_pages" "$(( $(stat -c %s "$work/longn.pdf") / 1000000 ))" "$(echo "$(cat "$work/rss") / 1024" | bc -l)" "$(echo "$t1 - $t0" | bc -l)" "$(echo "$long_pages / ($t1 - $t0)" | bc -l)"
