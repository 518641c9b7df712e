#!/usr/bin/env python3
"""Builds data/vi-syllables.tsv: the Vietnamese syllable inventory with frequencies learnt from real text.

Run at development time (the result is committed and embedded into DocIntel.Extract; nothing reads these
sources at run time):

    apt-get install hunspell-vi      # the list of valid syllables (LibreOffice dictionaries, vi_VN)
    python3 scripts/build-syllable-data.py > data/vi-syllables.tsv

Output, UTF-8, '#' lines are comments:
    S <syllable> <count>        every hunspell syllable (lower case, traditional tone placement hòa/thủy),
                                count = occurrences in the training text (0 = valid but unseen)
    B <syllable> <syllable> <count>   adjacent syllable pairs seen at least MIN_BIGRAM times

Training text: shared/corpus/text (25 documents), shared/seeds except seed 001 (its damaged text layer is the
test case of the glyph repair, so it is held out), and shared/domain/GUIDE.md. Tokens are counted after NFC,
ƣ→ư, lower-casing and the same tone canonicalisation as VietnameseSyllable.TryCanonicalize.
"""
import glob
import os
import re
import sys
import unicodedata
from collections import Counter

SHARED = os.environ.get("DOCINTEL_SHARED", "/work/shared")
HUNSPELL = "/usr/share/hunspell/vi_VN.dic"
MIN_BIGRAM = 2
MIN_EXTRA = 3

ROWS = ["aàáảãạ", "ăằắẳẵặ", "âầấẩẫậ", "eèéẻẽẹ", "êềếểễệ", "iìíỉĩị",
        "oòóỏõọ", "ôồốổỗộ", "ơờớởỡợ", "uùúủũụ", "ưừứửữự", "yỳýỷỹỵ"]
DECOMP = {c: (row[0], t) for row in ROWS for t, c in enumerate(row)}
COMP = {v: k for k, v in DECOMP.items()}
ONSETS = ["ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr", "qu",
          "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x"]
FINALS = {"", "c", "ch", "m", "n", "ng", "nh", "p", "t"}
MODIFIED = "ăâêôơư"


def canonical(word):
    """Traditional tone placement (port of VietnameseSyllable.TryCanonicalize); the word itself if not one syllable."""
    tones = [(i, DECOMP[c][1]) for i, c in enumerate(word) if c in DECOMP and DECOMP[c][1] > 0]
    if len(tones) != 1:
        return word
    tone = tones[0][1]
    bare = "".join(DECOMP[c][0] if c in DECOMP else c for c in word)
    onset = next((o for o in ONSETS if bare.startswith(o) and len(bare) > len(o) and bare[len(o)] in DECOMP), "")
    if onset == "gi" and not any(c in DECOMP for c in bare[2:]):
        onset = "g"
    if onset == "" and bare[0] not in DECOMP:
        return word
    i = len(onset)
    while i < len(bare) and bare[i] in DECOMP:
        i += 1
    nucleus, coda = bare[len(onset):i], bare[i:]
    if not 1 <= len(nucleus) <= 3 or coda not in FINALS:
        return word
    last_mod = max((k for k, c in enumerate(nucleus) if c in MODIFIED), default=-1)
    if "ươ" in nucleus:
        target = nucleus.index("ơ")
    elif last_mod >= 0:
        target = last_mod
    elif coda:
        target = len(nucleus) - 1
    else:
        target = 0 if len(nucleus) <= 2 else 1
    pos = len(onset) + target
    chars = list(bare)
    chars[pos] = COMP[(chars[pos], tone)]
    return "".join(chars)


def is_syllable(word):
    """Onset + 1..3 vowels + final, at most one tone (port of VietnameseSyllable.IsSyllable)."""
    if not 1 <= len(word) <= 8 or sum(1 for c in word if c in DECOMP and DECOMP[c][1] > 0) > 1:
        return False
    bare = "".join(DECOMP[c][0] if c in DECOMP else c for c in word)
    if any(c not in DECOMP and c not in "bcdđghklmnpqrstvx" for c in bare):
        return False
    onset = next((o for o in ONSETS if bare.startswith(o) and len(bare) > len(o) and bare[len(o)] in DECOMP), "")
    if onset == "" and bare[0] not in DECOMP:
        return False
    i = len(onset)
    while i < len(bare) and bare[i] in DECOMP:
        i += 1
    n = i - len(onset)
    return (1 <= n <= 3 or (n == 0 and onset == "gi")) and bare[i:] in FINALS


def tokens(text):
    text = unicodedata.normalize("NFC", text).replace("ƣ", "ư").replace("Ƣ", "Ư")
    for line in text.split("\n"):
        prev = None
        for m in re.finditer(r"[^\W\d_]+|[^\s]", line):
            w = m.group(0)
            if w[0].isalpha():
                w = canonical(w.lower())
                yield prev, w
                prev = w
            else:
                prev = None  # punctuation breaks a bigram


def main():
    valid = set()
    with open(HUNSPELL, encoding="utf-8") as f:
        next(f)  # entry count
        for line in f:
            w = line.strip().split("/")[0]
            # Lower-case entries and capitalised names (Nguyễn, Nẵng); all-caps entries are abbreviations.
            if w and w.isalpha() and (len(w) == 1 or w[1:] == w[1:].lower()):
                w = canonical(unicodedata.normalize("NFC", w.lower()))
                if is_syllable(w):
                    valid.add(w)
    files = sorted(glob.glob(f"{SHARED}/corpus/text/*.txt"))
    files += sorted(p for p in glob.glob(f"{SHARED}/seeds/*.txt") if not os.path.basename(p).startswith("001_"))
    files.append(f"{SHARED}/domain/GUIDE.md")
    # SYLLABLES_HOLD_OUT=000_,c019,… leaves out the files whose names start so: counts for evaluating a language-model
    # step on those texts (the OCR scans are made of them) without the model having seen them.
    held = [h for h in os.environ.get("SYLLABLES_HOLD_OUT", "").split(",") if h]
    files = [p for p in files if not any(os.path.basename(p).startswith(h) for h in held)]
    if held:
        print(f"# held out: {','.join(held)} ({len(files)} files kept)")
    # Each distinct line counts once: site banners and boilerplate repeated in many files ("THƯ VIỆN PHÁP LUẬT")
    # would otherwise teach the model pairs like "viện pháp" that ordinary text does not have.
    texts, seen_lines = [], set()
    for path in files:
        with open(path, encoding="utf-8") as f:
            kept = []
            for line in f.read().split("\n"):
                key = line.strip()
                if len(key) > 20 and key in seen_lines:
                    continue
                seen_lines.add(key)
                kept.append(line)
            texts.append("\n".join(kept))
    # Well-formed syllables missing from hunspell but frequent in real text (place names: Huế, Hoằng, Thới).
    seen = Counter(w for t in texts for _, w in tokens(t))
    valid |= {w for w, n in seen.items() if n >= MIN_EXTRA and is_syllable(w)}
    uni, bi = Counter(), Counter()
    for text in texts:
        for prev, w in tokens(text):
            if w not in valid:
                continue
            uni[w] += 1
            if prev in valid:
                bi[(prev, w)] += 1
    out = sys.stdout
    out.write("# Vietnamese syllables (hunspell-vi, LibreOffice dictionaries vi_VN) with counts in DocIntel's training\n")
    out.write(f"# text ({len(files)} files, {sum(uni.values())} syllable tokens). Built by scripts/build-syllable-data.py.\n")
    for w in sorted(valid, key=lambda w: (-uni[w], w)):
        out.write(f"S\t{w}\t{uni[w]}\n")
    for (a, b), n in sorted(bi.items(), key=lambda kv: (-kv[1], kv[0])):
        if n >= MIN_BIGRAM:
            out.write(f"B\t{a}\t{b}\t{n}\n")


if __name__ == "__main__":
    main()
