#!/usr/bin/env python3
"""Consistency checks for the unseen17 corpus (seeds vs gold and gold_dates).

Written for this corpus only; it does not use the project's code.
Usage: python3 check_gold.py [stem ...]   (-v prints every person/date hit)
"""
import pathlib
import re
import sys
import unicodedata

import yaml

ROOT = pathlib.Path(__file__).resolve().parent
HEADER = re.compile(r"^ date (\d{4}-\d{2}-\d{2}) (.+?) — ")
DATELINE = re.compile(r"^([A-ZÀ-ỸĐ][A-ZÀ-ỸĐ .,'’-]+) — ")
W = r"[\wÀ-ỹ]"


def body_of(raw):
    """Clean body: header/dateline, credits, carousel lines and duplicate captions removed."""
    text = raw
    m = HEADER.match(text)
    if m:
        text = text[m.end():]
    paras = text.split("\n\n")
    out, seen_caps = [], set()
    for i, p in enumerate(paras):
        p = p.strip("\n")
        if i == len(paras) - 1:
            p = re.sub(r" — (VNA/VNS|VNS|VNA)$", "", p)
        if re.fullmatch(r"Item \d+ of \d+", p.strip()):
            continue
        if p.endswith("(Photo: VNA)"):
            if p in seen_caps:
                continue
            seen_caps.add(p)
            p = p[: -len("(Photo: VNA)")].rstrip()
        out.append(p)
    body = "\n\n".join(out)
    # a DATELINE — at the start of the lead (no header) is metadata too
    lines = body.split("\n")
    for j, ln in enumerate(lines[:4]):
        d = DATELINE.match(ln)
        if d:
            lines[j] = ln[d.end():]
            break
    return "\n".join(lines), m


def occurrences(body, form):
    pat = re.compile(r"(?<!%s)%s(?!%s)" % (W, re.escape(form), W))
    return [(m.start(), m.end()) for m in pat.finditer(body)]


def claim(body, forms):
    """Longest-first claiming; returns {form: [spans]}"""
    taken = [False] * len(body)
    res = {}
    for f in sorted(set(forms), key=len, reverse=True):
        res[f] = []
        for s, e in occurrences(body, f):
            if any(taken[s:e]):
                continue
            for k in range(s, e):
                taken[k] = True
            res[f].append((s, e))
    return res


def ctx(body, s, e, n=45):
    return body[max(0, s - n):s].replace("\n", " ") + "[[" + body[s:e] + "]]" + body[e:e + n].replace("\n", " ")


DATE_CAND = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"(?:1[6-9]|20)\d\d|\d{1,2}/\d{1,2}/\d{4}|this year|last year|next year|yesterday|tomorrow|"
    r"ago|quarter|this month|last month|next month|this week|last week|next week)\b", re.I)


def check(stem, verbose=False):
    errs = []
    raw = (ROOT / "seeds" / f"{stem}.txt").read_text(encoding="utf-8")
    if raw != unicodedata.normalize("NFC", raw):
        errs.append("seed not NFC")
    if raw.endswith("\n"):
        errs.append("seed has trailing newline")
    body, hdr = body_of(raw)
    words = len(re.findall(r"\S+", body))
    g = yaml.safe_load((ROOT / "gold" / f"{stem}.yaml").read_text(encoding="utf-8"))
    gd = yaml.safe_load((ROOT / "gold_dates" / f"{stem}.yaml").read_text(encoding="utf-8"))
    # ---------- entities
    other_forms = []
    for sec in ("mechanisms", "organisations", "places"):
        for slug, ent in (g.get(sec) or {}).items():
            for f in ent["forms"]:
                if not occurrences(body, f) and f not in body:
                    errs.append(f"{sec}/{slug}: form not in body: {f!r}")
                other_forms.append(f)
    person_forms = {}
    for slug, p in (g.get("people") or {}).items():
        for t in p.get("titles", []):
            if t not in body:
                errs.append(f"title not in body: {slug}: {t!r}")
        for f, n in p["forms"].items():
            person_forms.setdefault(f, []).append((slug, n))
    # country names are not entities but still block short forms ("Việt" in "Việt Nam")
    blockers = ["Việt Nam", "Viet Nam", "Vietnam"]
    claimed = claim(body, list(person_forms) + other_forms + blockers)
    total = 0
    for f, owners in person_forms.items():
        have = len(claimed[f])
        want = sum(n for _, n in owners)
        total += want
        if f == "He":
            claimed[f] = [(s, e) for s, e in claimed[f] if not re.search(r"(^|[.!?”\n]\s*)$", body[max(0, s - 3):s])]
            have = len(claimed[f])
        if have != want:
            errs.append(f"person form {f!r}: gold {want} ({owners}) vs body {have}")
            for s, e in claimed[f]:
                errs.append("     " + ctx(body, s, e))
        elif verbose or len(owners) > 1:
            print(f"  {f!r} x{have} -> {owners}")
            if verbose or len(owners) > 1:
                for s, e in claimed[f]:
                    print("     " + ctx(body, s, e))
    # ---------- dates
    pub = gd.get("published")
    if hdr and str(pub) != hdr.group(1):
        errs.append(f"published {pub} != header {hdr.group(1)}")
    if hdr and gd.get("how") != "header":
        errs.append("header present but how != header")
    taken = [False] * len(body)
    for f in other_forms:  # years inside entity names are not dates
        for s, e in claimed.get(f, []):
            for k in range(s, e):
                taken[k] = True
    pos = 0
    ndates = 0
    for d in gd.get("dates") or []:
        t = d["text"]
        for _ in range(d.get("count", 1)):
            ndates += 1
            found = None
            for s, e in occurrences(body, t):
                if s >= pos and not any(taken[s:e]):
                    found = (s, e)
                    break
            if not found:
                errs.append(f"date {t!r} ({d['value']}) not found after pos {pos}: order or text wrong")
                continue
            for k in range(*found):
                taken[k] = True
            pos = found[0]
            if verbose:
                print(f"  date {d['value']:<24} {ctx(body, *found, 30)}")
    # unclaimed candidates
    for m in DATE_CAND.finditer(body):
        if not any(taken[m.start():m.end()]):
            print(f"  ? unclaimed date-ish: {ctx(body, m.start(), m.end(), 40)}")
    mech = sum(len(e["forms"]) for e in (g.get("mechanisms") or {}).values())
    return errs, words, total, mech, ndates, pub, gd.get("how")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    verbose = "-v" in sys.argv
    for flag in [a for a in sys.argv[1:] if a.startswith("--root=")]:  # another corpus of the same shape
        ROOT = pathlib.Path(flag.split("=", 1)[1]).resolve()
    stems = args or sorted(p.stem for p in (ROOT / "seeds").glob("*.txt"))
    T = [0, 0, 0, 0]
    for st in stems:
        print(f"== {st}")
        errs, words, people, mech, nd, pub, how = check(st, verbose)
        for e in errs:
            print("  !! " + e)
        print(f"  words={words} person_mentions={people} mechanism_forms={mech} dates={nd} published={pub} ({how})")
        T = [a + b for a, b in zip(T, (words, people, mech, nd))]
    print(f"TOTAL files={len(stems)} words={T[0]} person_mentions={T[1]} mechanism_forms={T[2]} dates={T[3]}")
