#!/usr/bin/env python3
"""ocr-cer.py REF.txt HYP.txt [--json]

OCR error rates of HYP against REF (make-scan's .gt.txt), for scripts/bench-ocr.sh. Both texts are NFC-normalised
and whitespace-collapsed, as in shared/tools/scan/cer.py (whose edit distance this imports).

  cer          character edit distance / reference characters, HYP in its own line order (= cer.py)
  cer_ordered  the same with HYP's lines first put in reference order: each line is placed where its rare character
               4-grams vote it belongs in REF (the better of this and HYP's own order). Layout that moves a whole block (the signer block before "Nơi nhận",
               a header column) then costs nothing; misread characters and dropped text still count.
  cer_base     cer_ordered with tone and vowel marks stripped from both sides (đ kept): what is left is errors in
               the letters themselves; cer_ordered - cer_base is roughly the share of diacritic errors.
  wer          word edit distance / reference words (HYP in reference order)
  dropped      reference words in runs of 6 or more that HYP lacks entirely (blocks page segmentation dropped)
  diacritic_words  words read with the right letters but wrong marks (dân→dần)
"""
import difflib
import importlib.util
import json
import os
import sys
import unicodedata
from collections import Counter

_here = os.path.dirname(os.path.abspath(__file__))
_cer_path = os.environ.get("DOCINTEL_CER_PY") or os.path.join(
    os.environ.get("DOCINTEL_SHARED", os.path.join(_here, "..", "..", "shared")), "tools", "scan", "cer.py")
_spec = importlib.util.spec_from_file_location("cer", _cer_path)
cer = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(cer)


def base(text):
    """Letters without tone/vowel marks (đ stays đ: it is a different letter, not a mark)."""
    d = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in d if unicodedata.category(c) != "Mn"))


def reorder(ref, hyp_text):
    """HYP's lines sorted by where they match in REF. A line moves only on strong evidence (half its rare 4-grams
    agree on one place; the nearest such place if several); otherwise it stays right after the line before it, so misreads never shuffle text."""
    grams = {}
    for i in range(len(ref) - 3):
        grams.setdefault(ref[i:i + 4], []).append(i)
    placed, pos = [], 0.0
    for raw in hyp_text.split("\n"):
        line = cer.normalise(raw)
        if not line:
            continue
        votes, usable = Counter(), 0
        for j in range(len(line) - 3):
            hits = grams.get(line[j:j + 4], ())
            if 0 < len(hits) <= 3:
                usable += 1
                for i in hits:
                    votes[(i - j) // 16] += 1
        start = pos
        if votes and len(line) >= 12:
            # A sentence the text repeats matches in several places: of the well-supported ones, the nearest wins.
            best = votes.most_common(1)[0][1]
            strong = [b * 16 for b, c in votes.items() if c >= max(3, usable // 2, 0.7 * best)]
            if strong:
                start = min(strong, key=lambda x: abs(x - pos))
        placed.append((start, len(placed), line))
        pos = start + len(line) + 0.5
    placed.sort()
    return " ".join(p[2] for p in placed)


def analyse(ref_text, hyp_text):
    ref = cer.normalise(ref_text)
    hyp_ordered = reorder(ref, hyp_text)
    plain = cer.rates(ref_text, hyp_text)
    ordered = cer.rates(ref, hyp_ordered)
    if ordered["char_edits"] > plain["char_edits"]:  # the reordering guessed worse than the reading's own order
        hyp_ordered, ordered = cer.normalise(hyp_text), plain
    stripped = cer.rates(base(ref), base(hyp_ordered))
    rw, hw = ref.split(), hyp_ordered.split()
    dropped = diacritic = 0
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, rw, hw, autojunk=False).get_opcodes():
        if (op == "delete" or (op == "replace" and 3 * (b2 - b1) < a2 - a1)) and a2 - a1 - (b2 - b1) >= 6:
            dropped += a2 - a1 - (b2 - b1)
        if op == "replace" and a2 - a1 == b2 - b1:
            diacritic += sum(1 for x, y in zip(rw[a1:a2], hw[b1:b2]) if x != y and base(x) == base(y))
    return dict(cer=plain["cer"], cer_ordered=ordered["cer"], cer_base=stripped["cer"], wer=ordered["wer"],
                ref_chars=plain["ref_chars"], char_edits=plain["char_edits"], char_edits_ordered=ordered["char_edits"],
                ref_words=len(rw), dropped=dropped, diacritic_words=diacritic)


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    if len(args) != 2:
        print(__doc__.strip().split("\n")[0], file=sys.stderr)
        return 2
    with open(args[0], encoding="utf-8", errors="replace") as f:
        ref = f.read()
    with open(args[1], encoding="utf-8", errors="replace") as f:
        hyp = f.read()
    r = analyse(ref, hyp)
    if "--json" in argv:
        print(json.dumps(r))
    else:
        print("CER %.2f %%  ordered %.2f %%  marks-stripped %.2f %%  WER %.2f %%  dropped %d words  diacritic %d words  (%d chars)" % (
            100 * r["cer"], 100 * r["cer_ordered"], 100 * r["cer_base"], 100 * r["wer"], r["dropped"], r["diacritic_words"], r["ref_chars"]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
