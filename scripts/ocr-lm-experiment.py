#!/usr/bin/env python3
"""Offline experiment (not in the product): correct tone-mark slips in OCR readings with a syllable bigram model, and
measure CER before/after. Evaluate only with counts that leave the evaluated texts out:
    SYLLABLES_HOLD_OUT=000_,002_,004_,c005,c019 python3 scripts/build-syllable-data.py > /tmp/heldout.tsv
    BENCH_SECTIONS=1 BENCH_CONFIGS="default=" BENCH_KEEP=/tmp/readings scripts/bench-ocr.sh
    python3 scripts/ocr-lm-experiment.py /tmp/heldout.tsv /tmp/readings tone 100
MODE: tone (candidates differ in tone marks only) or full (any marks); MARGIN: how many times likelier (bigram with
the neighbours) a candidate must be than the word as read (a quarter of it when the reading is no known syllable).
Only small-letter words with a neighbour in the same line are touched."""
import sys, math, re, unicodedata, importlib.util, collections, glob, os, subprocess, json
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
spec = importlib.util.spec_from_file_location("bsd", f"{ROOT}/scripts/build-syllable-data.py"); bsd = importlib.util.module_from_spec(spec); spec.loader.exec_module(bsd)
model, src, mode, margin = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
uni, bi = collections.Counter(), collections.Counter()
for line in open(model, encoding="utf-8"):
    if line.startswith("#"): continue
    f = line.rstrip("\n").split("\t")
    if f[0] == "S": uni[f[1]] = int(f[2])
    elif f[0] == "B": bi[(f[1], f[2])] = int(f[3])
N = sum(uni.values()); V = len(uni)
def skel(w):
    d = unicodedata.normalize("NFD", w)
    if mode == "tone": d = "".join(c for c in d if c not in "\u0300\u0301\u0303\u0309\u0323")
    else: d = "".join(c for c in d if unicodedata.category(c) != "Mn")
    return unicodedata.normalize("NFC", d)
index = collections.defaultdict(list)
for w in uni: index[skel(w)].append(w)
def p_uni(w): return (uni.get(w, 0) + 0.5) / (N + 0.5 * V)
def p_bi(a, b):
    if a is None: return p_uni(b)
    return 0.7 * bi.get((a, b), 0) / max(1, uni.get(a, 0)) + 0.3 * p_uni(b)
def score(prev, w, nxt):
    s = math.log(p_bi(prev, w))
    if nxt is not None: s += math.log(p_bi(w, nxt))
    return s
tok = re.compile(r"^(\W*)(\w+)(\W*)$")
changes = []
def fix(text):
    out_lines = []
    for line in text.split("\n"):
        toks = line.split(" ")
        cores = []
        for t in toks:
            m = tok.match(t)
            cores.append((m.group(1), m.group(2), m.group(3)) if m and m.group(2).isalpha() else None)
        res = list(toks)
        for i, c in enumerate(cores):
            if c is None or c[1] != c[1].lower(): continue
            w = bsd.canonical(unicodedata.normalize("NFC", c[1]))
            prev = bsd.canonical(cores[i-1][1].lower()) if i > 0 and cores[i-1] and not cores[i-1][2] and not c[0] else None
            nxt = bsd.canonical(cores[i+1][1].lower()) if i + 1 < len(cores) and cores[i+1] and not c[2] and not cores[i+1][0] else None
            if prev is None and nxt is None: continue
            cands = index.get(skel(w), [])
            if not cands: continue
            best = max(cands, key=lambda x: score(prev, x, nxt))
            if best == w: continue
            need = margin if w in uni else margin / 4
            if score(prev, best, nxt) - score(prev, w, nxt) > math.log(need):
                res[i] = c[0] + best + c[2]; changes.append((w, best))
        out_lines.append(" ".join(res))
    return "\n".join(out_lines)
tot = collections.Counter()
tmp = f"/tmp/ocr-lm-{os.getpid()}.txt"
for raw in sorted(glob.glob(f"{src}/default.*.raw")):
    stem, variant = os.path.basename(raw).split(".")[1:3]
    gt = f"{ROOT}/testdata/scans/{stem}.gt.txt"
    fixed = fix(open(raw, encoding="utf-8").read())
    open(tmp, "w", encoding="utf-8").write(fixed)
    a = json.loads(subprocess.run(["python3", f"{ROOT}/scripts/ocr-cer.py", gt, raw, "--json"], capture_output=True, text=True).stdout)
    b = json.loads(subprocess.run(["python3", f"{ROOT}/scripts/ocr-cer.py", gt, tmp, "--json"], capture_output=True, text=True).stdout)
    tot[variant, "chars"] += a["ref_chars"]; tot[variant, "before"] += a["char_edits"]; tot[variant, "after"] += b["char_edits"]
    print(f"{variant:8} {stem[:4]:4} {100*a['cer']:.2f} -> {100*b['cer']:.2f}")
for v in ("scan300", "harsh200"):
    print(f"{v}: {100*tot[v,'before']/tot[v,'chars']:.2f} % -> {100*tot[v,'after']/tot[v,'chars']:.2f} %")
print(len(changes), "changes:", collections.Counter(changes).most_common(25))
