#!/usr/bin/env python3
"""Copy the real sources this project uses into data/sources/, trimmed to what
the data tool parses and compressed where large.

Run once when the upstream sources change:

    python3 data/import/import_shared.py PATH/TO/shared/data

What it does, so the copy can be checked against the originals:
- geography: the two tables of vietnamadminunits-dataset.sqlite are exported,
  with the columns the data tool reads, to gzipped JSON Lines; the converter and
  the vietnam-provinces nested list are gzipped as they are; the licence copied.
- procedures: every raw/<ministry>/<code>.json, without `raw_text` (the whole
  page's text, most of the 45 MB, which the tool does not parse), one per line,
  sorted by code, with the ministry folder name added as `ministry`; gzipped.
- procedures/opengov-crawl: catalog.jsonl (the portal's July 2026 catalogue,
  5,670 procedures), the fields the data tool reads (portal id, code, name,
  categories, departments, departmentPromulgate, formalityTargetType, state,
  type; not the category and publisher UUIDs nor codeNotation, which equals
  code), sorted by code then id, gzipped as opengov-catalog.jsonl.gz.
- centers/reported: provincial-centres.json, hcmc-tb243-excerpt.json and
  README.md copied unchanged to centres/reported/.
- centers/danang: not copied; Đà Nẵng's centres reach the catalogue as a
  provincial feed (data/import/danang_feed.py, docs/feeds.md).
"""
import glob, gzip, json, os, shutil, sqlite3, sys

src = sys.argv[1] if len(sys.argv) > 1 else None
if not src or not os.path.isdir(src):
    sys.exit(__doc__)
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "sources")

def gz_write(path, lines):
    # mtime=0 keeps the output byte-identical between runs.
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as f:
        for line in lines:
            f.write(line.encode("utf-8"))

geo = os.path.join(src, "geography")
db = sqlite3.connect(os.path.join(geo, "vietnamadminunits-dataset.sqlite"))
tables = {
    "admin_units": ["province", "ward", "provinceShort", "wardShort", "wardType", "provinceCode",
                    "provinceLat", "provinceLon", "wardCode", "wardLat", "wardLon", "wardAreaKm2",
                    "provinceKey", "wardKey"],
    "admin_units_legacy": ["province", "district", "ward", "districtType", "wardType", "provinceCode",
                           "districtCode", "wardCode", "wardLat", "wardLon", "provinceKey",
                           "districtKey", "wardKey"],
}
for table, cols in tables.items():
    rows = db.execute(f"select {', '.join(cols)} from {table} order by rowid")
    gz_write(os.path.join(out, "geography", f"{table}.jsonl.gz"),
             (json.dumps(dict(zip(cols, r)), ensure_ascii=False) + "\n" for r in rows))
for name in ["vietnamadminunits-converter_2025.json", "nested-divisions.json"]:
    with open(os.path.join(geo, name), encoding="utf-8") as f:
        gz_write(os.path.join(out, "geography", name + ".gz"), [f.read()])
shutil.copy(os.path.join(geo, "LICENSE-vietnamadminunits"), os.path.join(out, "geography"))

records = []
for path in glob.glob(os.path.join(src, "procedures", "dichvucong-crawl", "raw", "*", "*.json")):
    with open(path, encoding="utf-8") as f:
        d = json.load(f)
    d.pop("raw_text", None)
    d["ministry"] = os.path.basename(os.path.dirname(path))
    records.append(d)
records.sort(key=lambda d: d["ma_thu_tuc"])
gz_write(os.path.join(out, "procedures", "dichvucong.jsonl.gz"),
         (json.dumps(d, ensure_ascii=False) + "\n" for d in records))

keep = ["id", "code", "name", "categories", "departments", "departmentPromulgate",
        "formalityTargetType", "state", "type"]
with open(os.path.join(src, "procedures", "opengov-crawl", "catalog.jsonl"), encoding="utf-8") as f:
    catalog = [json.loads(line) for line in f if line.strip()]
catalog.sort(key=lambda d: (d["code"], d["id"]))
gz_write(os.path.join(out, "procedures", "opengov-catalog.jsonl.gz"),
         (json.dumps({k: d.get(k) for k in keep}, ensure_ascii=False) + "\n" for d in catalog))

DETAIL_KEEP = ["id", "code", "name", "type", "updatedAt", "isWard", "isProvince", "isMinistry", "isOtherAgency",
               "categoriesDetails", "subjectTypesDetails", "departmentsExecuting", "executingAgencies",
               "departmentsAuthority", "departmentsAuthorized", "departmentsCoordinating", "coordinatingAgencies",
               "departmentPromulgateName", "executionSteps", "executionMethods", "executionCases",
               "legalBasisesDetails", "resultsDetails", "requirementsAndConditions"]
details = []
for path in glob.glob(os.path.join(src, "procedures", "opengov-crawl", "details", "*.json")):
    with open(path, encoding="utf-8") as f:
        d = json.load(f)["data"]
    rec = {k: d.get(k) for k in DETAIL_KEEP}
    for case in rec["executionCases"] or []:
        for pc in case.get("profileComponents") or []:
            pc["attachments"] = [{"fileName": a.get("fileName")} for a in pc.get("attachments") or []]
    details.append(rec)
details.sort(key=lambda d: d["code"])
gz_write(os.path.join(out, "procedures", "opengov-details.jsonl.gz"),
         (json.dumps(d, ensure_ascii=False) + "\n" for d in details))

os.makedirs(os.path.join(out, "centres", "reported"), exist_ok=True)
for name in ["provincial-centres.json", "hcmc-tb243-excerpt.json", "README.md"]:
    shutil.copy(os.path.join(src, "centers", "reported", name), os.path.join(out, "centres", "reported", name))

print(f"wrote {out}: {len(records)} procedures, {len(catalog)} catalogue entries, {len(details)} structured records")
