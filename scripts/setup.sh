#!/usr/bin/env bash
# Installs what DocIntel needs on a fresh Debian machine of the project's kind (run as root), only what is missing.
set -euo pipefail
# Debian packages the project uses. OCR: Tesseract 5 + Vietnamese data (called through its C API), Leptonica,
# poppler-utils (pdftoppm rasterises PDF pages; pdftotext is the benchmark baseline), ghostscript (Magick.NET's PDF
# delegate). Test-data generation (scripts/make-scans.sh): python3 with reportlab/PIL/numpy/img2pdf, fonts, qpdf.
# chromium: the dashboard's browser tests (Playwright drives /usr/bin/chromium; no browser download).
APT_PACKAGES=(ca-certificates tesseract-ocr tesseract-ocr-vie tesseract-ocr-osd libtesseract5 liblept5 poppler-utils ghostscript
  bc python3 python3-reportlab python3-pil python3-numpy python3-img2pdf fonts-liberation2 qpdf
  chromium)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if (( ${#missing[@]} > 0 )); then
  echo "setup: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if ! command -v dotnet >/dev/null 2>&1; then
  echo "setup: the .NET 10 SDK (dotnet) is not on PATH; this machine kind ships it — install it from your package source" >&2
  exit 1
fi
major="$(dotnet --version | cut -d. -f1)"
if (( major < 10 )); then
  echo "setup: .NET SDK 10 or newer is needed, found $(dotnet --version)" >&2
  exit 1
fi
echo "setup: ready (dotnet $(dotnet --version))" >&2
