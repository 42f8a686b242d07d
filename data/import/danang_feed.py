#!/usr/bin/env python3
"""Convert Đà Nẵng's community compilation (shared/data/centers/danang) into a
provincial feed: the CSV files a clerk would fill from docs/feeds/templates/.

    python3 data/import/danang_feed.py PATH/TO/shared/data/centers/danang OUT_DIR
    cargo run -p cuaso-data -- import OUT_DIR

This is the worked example of docs/feeds.md: the Đà Nẵng data reaches the
catalogue only through the importer, like any province's feed.

What it does, so the output can be checked against the originals:
- trung-tam.csv: one row per `commune_ward_list` entry: level "xã", the commune
  by its short name as the compilation gives it ("Hải Châu"; the importer finds
  "Phường Hải Châu"), address, latitude, longitude, phone. No code is looked
  up here: matching names to codes is the importer's job, and its report says
  when a name does not match.
- diem-ho-tro.csv: one row per post office: kind "bưu điện", name, address,
  latitude, longitude, phone. No commune is given: the importer attaches each
  to the commune whose centroid is nearest, as the site says "nearby".
- thong-tin.csv: the source as sources.json described it before feeds existed.
Values are copied as they are (whitespace trimmed); nothing is corrected here.
The importer's report lists what it refuses; FIXES below records the fixes
made after reading that report (run with --no-fixes to see the first report).
"""
import csv, json, os, sys

# Fixes made after reading the importer's report, by post office id: field → value, and why.
# An empty value leaves the cell empty: "not yet published" rather than a wrong number.
# A commune code is the one the official old → new mapping gives the former
# commune named in the post office's own address (none of them was split).
FIXES = {
    "563470": ({"phone": ""}, "0253883109: 10 digits, a landline needs 11; the missing digit cannot be known"),
    "564290": ({"phone": ""}, "0235943790: 10 digits, a landline needs 11; the missing digit cannot be known"),
    "560000": ({"phone": ""}, "023533858578: 12 digits, one too many; which one cannot be known"),
    "563696": ({"lat": "", "lng": "", "commune": "20920"}, "coordinates 1.5e16, 1.1e16 are not coordinates; address: Xã Trà Bui, Bắc Trà My → Xã Trà Đốc"),
    "564701": ({"lat": "", "lng": "", "commune": "20506"}, "coordinates 2013275634, 1055588253 are not coordinates; address: Xã Đại Sơn, Đại Lộc → Xã Thượng Đức"),
    "564810": ({"lat": "", "lng": "", "commune": "20506"}, "coordinates 1076846562, 10667629468 are not coordinates; address: Xã Đại Lãnh, Đại Lộc → Xã Thượng Đức"),
    "561120": ({"lat": "", "lng": "", "commune": "20356"}, "coordinates 1866208254, 1056317755 are not coordinates; address: Xã Tam Phú, Tam Kỳ → Phường Quảng Phú"),
    "563530": (None, "same name, address and phone as 563400 (Bưu Cục Hiệp Đức): one place, listed twice"),
}

args = [a for a in sys.argv[1:] if not a.startswith("--")]
if len(args) != 2 or not os.path.isdir(args[0]):
    sys.exit(__doc__)
src, out = args
use_fixes = "--no-fixes" not in sys.argv
os.makedirs(out, exist_ok=True)

def load(name):
    with open(os.path.join(src, name), encoding="utf-8") as f:
        return json.load(f)

def write(name, header, rows):
    # utf-8-sig: Excel opens it with the accents right.
    with open(os.path.join(out, name), "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(header)
        w.writerows(rows)

def s(v):
    return "" if v is None else str(v).strip()

info = load("administrative-information.json")
centres = []
for o in info["commune_ward_list"]:
    loc = o.get("location") or {}
    centres.append(["xã", "", s(o["new_commune_ward"]), "", s(loc.get("address")),
                    s(loc.get("latitude")), s(loc.get("longitude")), s(loc.get("phone")), "", "", "", ""])
write("trung-tam.csv",
      ["Cấp", "Mã xã", "Tên xã", "Tên trung tâm", "Địa chỉ", "Vĩ độ", "Kinh độ", "Điện thoại",
       "Đường dây nóng", "Trực 24/7", "Giờ làm việc", "Tiếp nhận"], centres)

points, fixed = [], 0
for p in load("post-offices.json"):
    loc = p.get("location") or {}
    row = {"name": s(p["name"]), "commune": "", "address": s(p.get("address")),
           "lat": s(loc.get("lat")), "lng": s(loc.get("lng")), "phone": s(p.get("phone"))}
    fix = FIXES.get(s(p.get("postid"))) if use_fixes else None
    if fix:
        fixed += 1
        if fix[0] is None:
            continue
        row.update(fix[0])
    points.append(["bưu điện", row["name"], row["commune"], "", row["address"], row["lat"], row["lng"], row["phone"]])
write("diem-ho-tro.csv", ["Loại", "Tên điểm", "Mã xã", "Tên xã", "Địa chỉ", "Vĩ độ", "Kinh độ", "Điện thoại"], points)

write("thong-tin.csv", ["Trường", "Giá trị"], [
    ["Phiên bản định dạng", "1"],
    ["Mã tỉnh", "48"],
    ["Đơn vị công bố", "Tổng hợp cộng đồng / community compilation"],
    ["Tên nguồn", "Địa chỉ trụ sở 94 xã, phường, đặc khu và 318 bưu cục của thành phố Đà Nẵng (tổng hợp cộng đồng từ thông báo tháng 7/2025)"],
    ["Tên nguồn tiếng Anh", "Headquarters of Đà Nẵng's 94 communes, wards and special zone, and its 318 post offices (community compilation of the city's July 2025 announcements)"],
    ["Ngày công bố", "2025-07"],
    ["Giấy phép", "Thông tin công khai / public information"],
    ["Đường dẫn", ""],
    ["Ghi chú", "Chưa đối chiếu với trang chính thức của thành phố / not verified against the city's own pages"],
])
print(f"wrote {out}: {len(centres)} centres, {len(points)} support points, {fixed} fixes applied")
