#!/usr/bin/env python3
"""Generates the labelled queries of issue #14's kinds for queries.tsv.

    python3 tests/search/generate.py public/data/<version>

Rewrites tests/search/queries.tsv: the hand-written rows (every category
not generated here) are kept as they are, in order; the rows of the
categories below are drawn again, deterministically (random.Random(1402)
on lists sorted by code), from the catalogue and the curated tables only.
No engine is run. Expected routes come from the data:

- sentence: an everyday name (data/sources/curated/everyday-names.json)
  inside a sentence people say ("tôi muốn …", "… ở đâu", "cần làm gì để …"),
  half typed without accents; expected: the entry's codes.
- english: an English name or alias (data/sources/curated/english-names.json)
  as typed ("birth certificate", "how do i get a …", the first words of the
  name, lowercase); expected: every procedure with that English name or alias.
- noisy: the fewest first words (three to eight) of a commune-level
  procedure's name that no other procedure's name starts with, accent-free, with a filler people add ("ạ", "giúp em", "với", "ad ơi") and,
  for half, one slip (two neighbouring letters swapped in a long word).
- address: a pre-2025 unit or a new commune written as on a document: a house
  number or hamlet, a street, "P."/"X."/"TT.", "Q."/"H."/"TX."/"TP.", the
  province as "TP."/"T."/"tỉnh", commas with or without a space, accents
  dropped for some; expected: the unit's new commune(s) (every target of a
  split unit).

Every procedure expected also brings its family: the procedures with the same
name apart from a level ("(thực hiện tại cấp tỉnh)"), which the engine shows
as one result (cuaso_search::family_name).
"""

import json
import random
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TSV = ROOT / "tests/search/queries.tsv"
GENERATED = ("sentence", "english", "noisy", "address")
COUNTS = {"sentence": 50, "english": 50, "noisy": 40, "address": 60}


def plain(s):
    s = s.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


def key(s):
    words = re.findall(r"\w+", plain(s).lower())
    # the engine's key reads a lone final y after a consonant as i (ký/kí)
    return " ".join(re.sub(r"(?<=[bcdghklmnpqrstvx])y$", "i", w) for w in words)


LEVELS = {"tinh", "xa", "huyen", "trung", "uong", "bo", "cap", "quan", "thi"}


def family_name(name):
    k = key(name)
    if k.startswith("thu tuc "):
        k = k[len("thu tuc "):]
    for tail in (" thuc hien tai cap ", " thuc hien o cap ", " cap "):
        at = k.rfind(tail)
        if at >= 0:
            rest = k[at + len(tail):]
            if rest and all(w in LEVELS for w in rest.split(" ")):
                k = k[:at]
                break
    return k


def read_search(folder):
    """The search records (crates/search/src/tsv.rs) of a catalogue version folder."""
    search = {"provinces": [], "communes": [], "legacy": [], "procedures": []}
    items = lambda s: s.split("\x1f") if s else []
    for name in ("search-core.tsv", "search-legacy.tsv"):
        for line in (folder / name).read_text().splitlines():
            kind, *f = line.split("\t")
            if kind == "P":
                search["provinces"].append({"code": f[0], "name": f[1], "short_name": f[2], "merged_from": items(f[3])})
            elif kind == "C":
                search["communes"].append({"code": f[0], "name": f[1], "province": f[2]})
            elif kind == "T":
                search["procedures"].append({"code": f[0], "name": f[1], "field": f[2], "everyday": items(f[5]),
                                             "levels": [{"M": "ministry", "P": "province", "C": "commune", "O": "other"}[c] for c in f[3]],
                                             "name_en": f[6] or None, "aliases_en": items(f[7]), "province": f[8] or None})
            elif kind == "L":
                search["legacy"].append({"code": f[0], "name": f[1], "district": f[2], "province": f[3], "targets": items(f[4])})
    return search


def main():
    search = read_search(Path(sys.argv[1]))
    everyday = json.loads((ROOT / "data/sources/curated/everyday-names.json").read_text())
    english = json.loads((ROOT / "data/sources/curated/english-names.json").read_text())
    procs = sorted(search["procedures"], key=lambda p: p["code"])
    by_family = {}
    for p in procs:
        by_family.setdefault(family_name(p["name"]), []).append(p["code"])
    family = {p["code"]: by_family[family_name(p["name"])] for p in procs}
    provinces = {p["code"]: p for p in search["provinces"]}
    rng = random.Random(1402)
    rows = []

    def routes(codes):
        out = []
        for c in codes:
            for m in family.get(c, [c]):
                r = f"/thu-tuc/{m}"
                if r not in out:
                    out.append(r)
        return "|".join(out)

    # sentence
    templates = [
        "tôi muốn {p}", "cần làm gì để {p}", "{p} ở đâu", "{p} như thế nào", "cho hỏi thủ tục {p}",
        "{p} cần giấy tờ gì", "muốn {p} thì làm sao", "{p} làm ở đâu ạ", "thủ tục {p} mất bao lâu",
        "mình cần {p}", "làm sao để {p}", "tôi cần {p} gấp",
    ]
    entries = sorted(everyday, key=lambda e: e["phrase"])
    for e in rng.sample(entries, COUNTS["sentence"]):
        p = e["phrase"] if e["phrase"].isupper() else e["phrase"].lower()
        q = rng.choice(templates).format(p=p)
        if rng.random() < 0.5:
            q = plain(q).lower()
        rows.append((q, routes(e["codes"]), 5, "sentence"))

    # english
    names = {}
    for e in english:
        for n in [e["en"]] + e["aliases"]:
            names.setdefault(n.lower(), []).append(e["code"])
    en_sorted = sorted(english, key=lambda e: e["code"])
    for e in rng.sample(en_sorted, COUNTS["english"]):
        r = rng.random()
        if e["aliases"] and r < 0.45:
            a = rng.choice(e["aliases"]).lower()
            q = rng.choice(["{a}", "{a}", "how do i get a {a}", "where to apply for {a}", "{a} application"]).format(a=a)
            codes = names[a]
        else:
            n = e["en"].lower()
            words = re.sub(r"^(the|a|an) ", "", n).split()
            q = " ".join(words[: rng.randint(4, 7)])
            codes = sorted({c for name, cs in names.items() if name.startswith(q) for c in cs} | {e["code"]})
        rows.append((q, routes(codes), 5, "english"))

    # noisy
    commune_level = [p for p in procs if "commune" in p["levels"]]
    fillers = ["ạ", "giúp em", "với", "ad ơi", "nhé", "cho mình hỏi", "ạ?", "gấp"]
    def short(p):
        words = key(p["name"]).split()
        return words[2:] if words[:2] == ["thu", "tuc"] else words

    starts = [(" ".join(short(p)), family_name(p["name"])) for p in procs]
    noisy = 0
    for p in rng.sample(commune_level, len(commune_level)):
        if noisy == COUNTS["noisy"]:
            break
        words, fam = short(p), family_name(p["name"])
        # the fewest first words (three at least) that only this family's names start with
        n = next((n for n in range(3, min(len(words), 8) + 1)
                  if all(f == fam for s, f in starts if s.startswith(" ".join(words[:n])))), None)
        if n is None:
            continue
        noisy += 1
        q = " ".join(words[:n])
        if rng.random() < 0.5:
            long_words = [i for i, w in enumerate(q.split()) if len(w) >= 5]
            if long_words:
                ws = q.split()
                i = rng.choice(long_words)
                j = rng.randint(1, len(ws[i]) - 2)
                w = ws[i]
                ws[i] = w[:j] + w[j + 1] + w[j] + w[j + 2:]
                q = " ".join(ws)
        f = rng.choice(fillers)
        q = f"{f} {q}" if f in ("cho mình hỏi", "ad ơi") else f"{q} {f}"
        rows.append((q, routes([p["code"]]), 5, "noisy"))

    # address
    streets = [
        "Nguyễn Trãi", "Lê Lợi", "Trần Hưng Đạo", "Hai Bà Trưng", "Quang Trung", "Lý Thường Kiệt",
        "Nguyễn Huệ", "Hùng Vương", "Điện Biên Phủ", "Lê Duẩn", "Phan Chu Trinh", "Trần Phú",
    ]
    small = {"Phường": ["P.", "P. ", "Phường "], "Xã": ["X.", "Xã ", "xã "], "Thị trấn": ["TT.", "TT ", "Thị trấn "]}
    district = {"Quận": ["Q.", "Q. ", "Quận "], "Huyện": ["H.", "H. ", "huyện "], "Thị xã": ["TX.", "TX ", "Thị xã "],
                "Thành phố": ["TP.", "TP ", "Thành phố "]}
    big = {"Thành phố": ["TP.", "TP ", "Tp ", "Thành phố "], "Tỉnh": ["T.", "tỉnh ", "", ""]}

    def abbreviate(name, table):
        for kind, forms in table.items():
            if name.startswith(kind + " "):
                return rng.choice(forms) + name[len(kind) + 1:]
        return name

    def house(unit):
        if unit.startswith(("Xã", "Thị trấn")) and rng.random() < 0.5:
            return rng.choice(["Thôn ", "Ấp ", "Tổ "]) + str(rng.randint(1, 12))
        n = str(rng.randint(1, 250)) + rng.choice(["", "", "/" + str(rng.randint(2, 30)), "A"])
        return rng.choice(["", "", "Số "]) + n + " " + rng.choice(["", "đường "]) + rng.choice(streets)

    legacy = sorted((u for u in search["legacy"] if u["code"] and u["targets"]), key=lambda u: u["code"])
    seen = set()
    for u in rng.sample(legacy, COUNTS["address"] - 20):
        sep = rng.choice([", ", ",", " , "])
        parts = [house(u["name"]), abbreviate(u["name"], small), abbreviate(u["district"], district),
                 abbreviate(u["province"], big).strip()]
        q = sep.join(p.strip() for p in parts if p.strip())
        if rng.random() < 0.4:
            q = plain(q)
        if key(q) in seen:
            continue
        seen.add(key(q))
        rows.append((q, "|".join(f"/xa/{t}" for t in u["targets"]), 5, "address"))
    communes = sorted(search["communes"], key=lambda c: c["code"])
    for c in rng.sample(communes, 20):
        sep = rng.choice([", ", ","])
        prov = provinces[c["province"]]["name"]
        q = sep.join([house(c["name"]), abbreviate(c["name"], small), abbreviate(prov, big).strip()])
        if rng.random() < 0.4:
            q = plain(q)
        rows.append((q, f"/xa/{c['code']}", 5, "address"))

    lines = TSV.read_text().splitlines()
    header, kept = lines[0], [l for l in lines[1:] if l and l.split("\t")[3] not in GENERATED]
    queries = {l.split("\t")[0] for l in kept}
    out = [header] + kept
    for q, exp, k, cat in rows:
        q = re.sub(r"\s+", " ", q).strip()
        if q in queries:
            continue
        queries.add(q)
        out.append(f"{q}\t{exp}\t{k}\t{cat}")
    TSV.write_text("\n".join(out) + "\n")
    print(f"{len(kept)} hand-written rows kept, {len(out) - 1 - len(kept)} generated")


if __name__ == "__main__":
    main()
