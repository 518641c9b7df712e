#!/usr/bin/env bash
# Reading and OCR benchmark, run in one go; prints the figures for docs/benchmarks.md ("Reading and OCR").
#  1. OCR CER per variant (scan300 JPEG PDF, harsh200 G4 TIFF) of the seeds and dev-set texts in testdata/scans against
#     make-scan's ground truth, per OCR configuration (clean-up steps, upscaling, model), on the text as read (OCR +
#     layout, before normalisation) and after normalisation (scripts/ocr-cer.py: plain CER as cer.py, CER with lines put
#     in reference order, CER with marks stripped, dropped words, diacritic-only word errors).
#  2. OCR pages/s through `docintel extract` with 1 and 2 OCR workers against the `tesseract` CLI on the same pages
#     (pdftoppm'd to PGM, psm 3, OMP_THREAD_LIMIT=1, run with xargs -P1 / -P2): ratio, and CPU seconds of each.
#  3. Text-layer reading pages/s against pdftotext: the reader alone in process (docintel bench read: PdfPig words +
#     layout, cold and warm), and docintel extract --no-ocr as a user runs it (start-up, normalisation, extraction).
#  4. Peak memory (max RSS) of `docintel extract` on a long scanned PDF (BENCH_LONG_PAGES pages, default 300), made
#     on the fly in a temp folder.
# Usage: scripts/bench-ocr.sh
# env: BENCH_SECTIONS="1 2 3 4"  BENCH_LONG_PAGES=300  BENCH_OCR_PAGES=6  BENCH_TESSDATA=DIR (a folder with the best_int
#      vie.traineddata: adds a configuration)  BENCH_CONFIGS="name=args;…" (replaces the list of section 1)
#      BENCH_SCANS=DIR (where the scan300 PDFs that are not committed are made or found; default a temp folder)
#      BENCH_VARIANTS="scan300 harsh200" (section 1)  BENCH_CER_TSV=FILE (keep section 1's raw figures)
#      BENCH_KEEP=DIR (keep section 1's texts and JSON)
#      DOCINTEL="dotnet path/docintel.dll" (a fixed build instead of ./docintel)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
shared="${DOCINTEL_SHARED:-$here/../shared}"
export DOCINTEL_SHARED="$shared"
scans=testdata/scans
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export OMP_THREAD_LIMIT=1
sections="${BENCH_SECTIONS:-1 2 3 4}"
long_pages="${BENCH_LONG_PAGES:-300}"
ocr_pages="${BENCH_OCR_PAGES:-6}"
read -r -a docintel <<< "${DOCINTEL:-./docintel}"
py=/usr/bin/python3
"${docintel[@]}" --help >/dev/null  # build once, outside the timings
load() { cut -d' ' -f1-3 /proc/loadavg; }
# run OUT CMD…: runs CMD with stdout/stderr to OUT.out/OUT.err; OUT.time gets "wall user sys maxrss_kb".
run() { local out="$1"; shift; /usr/bin/time -f '%e %U %S %M' -o "$out.time" "$@" >"$out.out" 2>"$out.err" || true; }
wall() { cut -d' ' -f1 "$1.time"; }
cpu() { awk '{print $2 + $3}' "$1.time"; }
echo "machine: $(getconf _NPROCESSORS_ONLN) cores, load $(load); $(tesseract --version 2>&1 | head -1); $(date -u +%Y-%m-%dT%H:%MZ)"

if [[ " $sections " == *" 1 "* ]]; then
  echo "== 1. CER per variant and OCR configuration (raw = OCR + layout before normalisation, against .gt.txt; norm = after, against .gt.txt normalised alike)"
  bench_scans="${BENCH_SCANS:-$work/scans}"
  mkdir -p "$bench_scans"
  stems=()
  for gt in "$scans"/*.gt.txt; do
    stem="$(basename "$gt" .gt.txt)"; stems+=("$stem")
    if [[ ! -f "$scans/$stem.scan300.pdf" && ! -f "$bench_scans/$stem.scan300.pdf" ]]; then
      src="testdata/seeds/$stem.txt"; [[ -f "$src" ]] || src="$shared/corpus/text/$stem.txt"
      "$shared/tools/scan/make-scan" "$src" "$bench_scans" --profile scan300 >/dev/null
    fi
  done
  # The normalised reading is compared with the ground truth normalised the same way (Uỷ → Ủy is not an OCR error).
  for stem in "${stems[@]}"; do "${docintel[@]}" normalize "$scans/$stem.gt.txt" > "$work/$stem.gt.norm"; done
  configs="${BENCH_CONFIGS:-default=;no-despeckle=--ocr-no-despeckle;no-upscale=--ocr-upscale-below 0;never=--ocr-cleanup never;median=--ocr-cleanup always:median;always=--ocr-cleanup always;deskew=--ocr-cleanup always:deskew}"
  [[ -n "${BENCH_TESSDATA:-}" ]] && configs="$configs;best_int=--tessdata $BENCH_TESSDATA"
  IFS=';' read -r -a config_list <<< "$configs"
  for entry in "${config_list[@]}"; do
    name="${entry%%=*}"; read -r -a args <<< "${entry#*=}"
    for stem in "${stems[@]}"; do
      s300="$scans/$stem.scan300.pdf"; [[ -f "$s300" ]] || s300="$bench_scans/$stem.scan300.pdf"
      for f in "$s300" "$scans/$stem.harsh200.tif"; do
        [[ " ${BENCH_VARIANTS:-scan300 harsh200} " == *" $(basename "$f" | cut -d. -f2) "* ]] || continue
        variant="$(basename "$f" | cut -d. -f2)"
        o="$work/$name.$stem.$variant"
        run "$o" "${docintel[@]}" extract "$f" --raw-text --text --no-evidence ${args[@]+"${args[@]}"}
        # stderr: "=== FILE raw" then the text as read, "=== FILE #1" then the normalised text (once per part: keep #1).
        awk '/^=== .* raw$/{m=1;next} /^=== /{m=0} m' "$o.err" > "$o.raw"
        awk '/^=== .* #1$/{m=1;next} /^=== /{m=0} m' "$o.err" > "$o.norm"
        printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$variant" "$stem" raw "$(cpu "$o")" "$("$py" scripts/ocr-cer.py "$scans/$stem.gt.txt" "$o.raw" --json)"
        printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$variant" "$stem" norm "$(cpu "$o")" "$("$py" scripts/ocr-cer.py "$work/$stem.gt.norm" "$o.norm" --json)"
        if [[ $(wc -c < "$o.raw") -lt 100 ]]; then echo "warning: $name $stem $variant read almost nothing: $(head -c 300 "$o.err")" >&2; fi
      done
    done
  done > "$work/cer.tsv"
  [[ -n "${BENCH_CER_TSV:-}" ]] && cp "$work/cer.tsv" "$BENCH_CER_TSV"
  [[ -n "${BENCH_KEEP:-}" ]] && mkdir -p "$BENCH_KEEP" && cp "$work"/*.raw "$work"/*.norm "$work"/*.out "$BENCH_KEEP/"
  "$py" - "$work/cer.tsv" <<'PY'
import json, sys
from collections import defaultdict
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1], encoding="utf-8")]
agg = defaultdict(lambda: defaultdict(float))
per_file = defaultdict(dict)
order = []
for name, variant, stem, kind, cpu, js in rows:
    r = json.loads(js)
    key = (name, variant, kind)
    if key not in agg: order.append(key)
    a = agg[key]
    a["chars"] += r["ref_chars"]; a["edits"] += r["char_edits"]; a["edits_ordered"] += r["char_edits_ordered"]
    a["base"] += r["cer_base"] * r["ref_chars"]; a["dropped"] += r["dropped"]; a["diacritic"] += r["diacritic_words"]
    a["words"] += r["ref_words"]; a["cpu"] += float(cpu); a["files"] += 1
    per_file[(name, variant, kind)][stem] = r["cer"]
print("%-12s %-8s %-4s %7s %9s %9s %8s %10s %7s  %s" % ("config", "variant", "text", "CER", "ordered", "no-marks", "dropped", "diacritic", "CPU-s", "CER per file"))
for key in order:
    name, variant, kind = key
    a = agg[key]
    files = " ".join("%s %.2f" % (s[:4], 100 * c) for s, c in per_file[key].items())
    print("%-12s %-8s %-4s %6.2f%% %8.2f%% %8.2f%% %8d %10d %7.0f  %s" % (name, variant, kind, 100 * a["edits"] / a["chars"], 100 * a["edits_ordered"] / a["chars"],
          100 * a["base"] / a["chars"], a["dropped"], a["diacritic"], a["cpu"], files))
print("(CER = character edits / reference characters over all files of the variant; ordered: lines put in reference order;"
      " no-marks: ordered, tone/vowel marks stripped; dropped/diacritic: words; CPU-s: user+sys of docintel per variant)")
PY
  echo "load after section 1: $(load)"
fi

if [[ " $sections " == *" 2 "* ]]; then
  echo "== 2. OCR pages/s: docintel (1 and 2 workers) vs tesseract CLI on the same $ocr_pages pages"
  # The first pages of the seed scans, as one image-only PDF and as PGM files for the CLI.
  qpdf --empty --pages "$scans/004_5eb50ab86d8b2fa5.scan300.pdf" 1-3 "$scans/002_209883ea81caa762.scan300.pdf" 1-2 "$scans/004_5eb50ab86d8b2fa5.scan300.pdf" 1 -- "$work/ocr.pdf"
  qpdf --empty --pages "$work/ocr.pdf" "1-$ocr_pages" -- "$work/ocrn.pdf"
  pdftoppm -r 300 -gray "$work/ocrn.pdf" "$work/pg"
  echo "load before: $(load)"
  run "$work/cli1" sh -c "ls $work/pg-*.pgm | xargs -P1 -I{} tesseract {} - -l vie --psm 3 --dpi 300"
  run "$work/di1" "${docintel[@]}" extract "$work/ocrn.pdf" --ocr-workers 1 --no-evidence
  run "$work/cli2" sh -c "ls $work/pg-*.pgm | xargs -P2 -I{} tesseract {} - -l vie --psm 3 --dpi 300"
  run "$work/di2" "${docintel[@]}" extract "$work/ocrn.pdf" --ocr-workers 2 --no-evidence
  # docintel's fixed cost (runtime start, JIT, reference data), measured on a one-line text file: taken off per page below.
  printf 'Số: 12/UBND-VP\n' > "$work/one.txt"
  run "$work/di0" "${docintel[@]}" extract "$work/one.txt" --no-evidence
  echo "load after: $(load)"
  "$py" - "$ocr_pages" "$work" <<'PY'
import sys
n, w = int(sys.argv[1]), sys.argv[2]
t = {k: [float(x) for x in open(f"{w}/{k}.time").read().split()[:3]] for k in ("cli1", "cli2", "di1", "di2", "di0")}
ps = {k: n / v[0] for k, v in t.items()}
cpu = {k: (v[1] + v[2]) / n for k, v in t.items()}
start = t["di0"][1] + t["di0"][2]
ocr = {k: cpu[k] - start / n for k in ("di1", "di2")}
print("tesseract CLI: %.3f pages/s (1 process at a time), %.3f pages/s (2); %.2f / %.2f CPU-s a page" % (ps["cli1"], ps["cli2"], cpu["cli1"], cpu["cli2"]))
print("docintel:      %.3f pages/s (1 worker), %.3f pages/s (2 workers); %.2f / %.2f CPU-s a page incl. start-up (%.1f CPU-s, %.1f s wall), %.2f / %.2f without" % (
    ps["di1"], ps["di2"], cpu["di1"], cpu["di2"], start, t["di0"][0], ocr["di1"], ocr["di2"]))
print("ratio docintel/CLI pages/s: %.2f (1), %.2f (2); CPU a page CLI/docintel: %.2f (1), %.2f (2) incl. start-up, %.2f (1), %.2f (2) without" % (
    ps["di1"] / ps["cli1"], ps["di2"] / ps["cli2"], cpu["cli1"] / cpu["di1"], cpu["cli2"] / cpu["di2"], cpu["cli1"] / ocr["di1"], cpu["cli2"] / ocr["di2"]))
print("scaling 2/1 workers (pages/s): docintel %.2f, CLI %.2f" % (ps["di2"] / ps["di1"], ps["cli2"] / ps["cli1"]))
PY
fi

if [[ " $sections " == *" 3 "* ]]; then
  echo "== 3. Text layer: PdfPig reader (docintel bench read: words + layout, in process) and docintel extract --no-ocr vs pdftotext"
  qpdf --empty --pages $(for i in $(seq 1 10); do echo "$scans/c019.pdf"; done) -- "$work/text.pdf" 2>/dev/null
  n=$(pdfinfo "$work/text.pdf" | awk '/^Pages:/{print $2}')
  run "$work/pt" pdftotext "$work/text.pdf" -
  run "$work/pr" "${docintel[@]}" bench read "$work/text.pdf"
  run "$work/pp" "${docintel[@]}" extract "$work/text.pdf" --no-ocr --no-evidence
  pt=$(echo "$n / $(wall "$work/pt")" | bc -l)
  warm=$(sed -n 's/.*warm \([0-9.]*\) pages\/s.*/\1/p' "$work/pr.out")
  printf '%d pages: pdftotext %.1f pages/s (one process, %.2f CPU-s)\n' "$n" "$pt" "$(cpu "$work/pt")"
  printf 'docintel bench read: %s; ratio warm/pdftotext %.2f\n' "$(cat "$work/pr.out")" "$(echo "${warm:-0} / $pt" | bc -l)"
  printf 'docintel extract --no-ocr (read + normalise + extract, one process incl. start-up): %.1f pages/s (%.2f CPU-s); load %s\n' \
    "$(echo "$n / $(wall "$work/pp")" | bc -l)" "$(cpu "$work/pp")" "$(load)"
fi

if [[ " $sections " == *" 4 "* ]]; then
  echo "== 4. Peak memory on a $long_pages-page scanned PDF (docintel extract, 2 workers)"
  reps=$(( (long_pages + 2) / 3 ))
  qpdf --empty --pages $(for i in $(seq 1 "$reps"); do echo "$scans/004_5eb50ab86d8b2fa5.scan300.pdf"; done) -- "$work/long.pdf" 2>/dev/null
  qpdf --empty --pages "$work/long.pdf" "1-$long_pages" -- "$work/longn.pdf"
  rm -f "$work/long.pdf"
  echo "load before: $(load)"
  run "$work/long" "${docintel[@]}" extract "$work/longn.pdf" --ocr-workers 2 --no-evidence
  read -r lw lu ls lm < "$work/long.time"
  printf '%d pages (%s MB file): peak RSS %.0f MB, %.0f s wall, %.0f CPU-s (%.2f a page), %.3f pages/s; load after %s; %s\n' "$long_pages" \
    "$(( $(stat -c %s "$work/longn.pdf") / 1000000 ))" "$(echo "$lm / 1024" | bc -l)" "$lw" "$(echo "$lu + $ls" | bc -l)" \
    "$(echo "($lu + $ls) / $long_pages" | bc -l)" "$(echo "$long_pages / $lw" | bc -l)" "$(load)" \
    "$(grep -c '"number"' "$work/long.out" || true) documents out, $(grep -c '"error"' "$work/long.out" || true) errors"
fi
