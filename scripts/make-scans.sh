#!/usr/bin/env bash
# Regenerates testdata/scans/ (OCR test data) reproducibly: make-scan (shared/tools/scan) renders texts into a digital
# PDF, a 300 dpi image-only PDF (JPEG pages) and a harsh 200 dpi G4 TIFF; then the small derived files the reader tests
# use (image crops in JPEG/PNG/WebP, a mixed text+scan PDF, an encrypted PDF). Needs the Debian packages listed in
# shared/tools/scan/README.md plus qpdf. Usage: scripts/make-scans.sh [OUTDIR]   (default testdata/scans)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${DOCINTEL_SHARED:-$here/../shared}"
tool="$shared/tools/scan/make-scan"
out="${1:-$here/testdata/scans}"
py=/usr/bin/python3
[[ -x "$tool" ]] || { echo "make-scans: $tool not found (set DOCINTEL_SHARED)" >&2; exit 1; }
mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Seeds (gold in testdata/seeds/expected.jsonl) and two dev-set texts of the shared corpus.
for src in "$here/testdata/seeds/000_1afb2497f3ceea48.txt" "$here/testdata/seeds/002_209883ea81caa762.txt" \
           "$here/testdata/seeds/004_5eb50ab86d8b2fa5.txt" "$shared/corpus/text/c005.txt" "$shared/corpus/text/c019.txt"; do
  stem="$(basename "$src" .txt)"
  echo "make-scans: $stem" >&2
  "$tool" "$src" "$work" >/dev/null
  cp "$work/$stem.gt.txt" "$work/$stem.pdf" "$work/$stem.harsh200.tif" "$work/$stem.meta.json" "$out/"
done
# Image-only 300 dpi PDFs of two seeds only (they are 2–3 MB each; the rest regenerate into a temp folder for the benchmarks).
cp "$work/004_5eb50ab86d8b2fa5.scan300.pdf" "$work/002_209883ea81caa762.scan300.pdf" "$out/"

# The top of seed 004's first scanned page (issuer, motto, number, date) as JPEG, PNG and WebP: small, fast to OCR.
pdftoppm -f 1 -l 1 -r 300 -gray -x 0 -y 150 -W 2480 -H 700 "$work/004_5eb50ab86d8b2fa5.scan300.pdf" "$work/top"
"$py" - "$work/top-1.pgm" "$out" <<'PY'
import sys
from PIL import Image
im = Image.open(sys.argv[1]); out = sys.argv[2]
im.save(f"{out}/004-top.jpg", quality=80, dpi=(300, 300))
im.save(f"{out}/004-top.png", dpi=(300, 300), optimize=True)
im.save(f"{out}/004-top.webp", quality=80)
PY
# Mixed PDF: page 1 born-digital (text layer), page 2 a G4 scan (no text layer) of seed 000.
"$py" - "$work/000_1afb2497f3ceea48.harsh200.tif" "$work/scan-p2.pdf" <<'PY'
import sys, img2pdf
from PIL import Image
im = Image.open(sys.argv[1]); im.seek(1); im.save(sys.argv[1] + ".p2.tif", compression="group4", dpi=(200, 200))
open(sys.argv[2], "wb").write(img2pdf.convert(sys.argv[1] + ".p2.tif"))
PY
qpdf --deterministic-id --empty --pages "$work/000_1afb2497f3ceea48.pdf" 1 "$work/scan-p2.pdf" 1 -- "$out/000-mixed.pdf"
# Encrypted (AES-256, user password "docintel") copy of seed 000's digital PDF.
qpdf --deterministic-id --encrypt docintel docintel-owner 256 -- "$work/000_1afb2497f3ceea48.pdf" "$out/000-encrypted.pdf" 2>/dev/null || \
  qpdf --encrypt docintel docintel-owner 256 -- "$work/000_1afb2497f3ceea48.pdf" "$out/000-encrypted.pdf"
du -sh "$out" >&2
