//! `cuaso-data import` as a clerk runs it, on a copy of the real sources: a
//! feed with an error exits non-zero and writes nothing; the committed Đà Nẵng
//! feed imports cleanly and the build merges it.

mod common;
use common::{copy_dir, sources_dir};
use std::path::Path;
use std::process::Command;

fn import(args: &[&str], sources: &Path) -> (bool, String) {
    let run = Command::new(env!("CARGO_BIN_EXE_cuaso-data"))
        .arg("import")
        .args(args)
        .arg("--sources")
        .arg(sources)
        .args(["--lang", "en"])
        .env("SOURCE_DATE_EPOCH", "1767312000") // 2026-01-02
        .output()
        .unwrap();
    (run.status.success(), String::from_utf8_lossy(&run.stdout).into_owned() + &String::from_utf8_lossy(&run.stderr))
}

#[test]
fn a_bad_feed_is_refused_whole_and_a_good_one_is_written() {
    let dir = std::env::temp_dir().join(format!("cuaso-import-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let sources = dir.join("sources");
    copy_dir(&sources_dir(), &sources);
    let committed = std::fs::read_to_string(sources.join("feeds/48/feed.json")).unwrap();
    std::fs::remove_dir_all(sources.join("feeds")).unwrap();

    // A clerk's CSV feed with one bad phone among good rows.
    let feed = dir.join("feed-48");
    std::fs::create_dir_all(&feed).unwrap();
    std::fs::write(
        feed.join("thong-tin.csv"),
        "Trường,Giá trị\nPhiên bản định dạng,1\nMã tỉnh,48\nĐơn vị công bố,UBND\nTên nguồn,Danh sách\n\
         Ngày công bố,2025-08\nGiấy phép,Thông tin công khai\n",
    )
    .unwrap();
    let centres = "Cấp,Mã xã,Tên xã,Địa chỉ,Điện thoại\nxã,,Hải Châu,Số 15 Lê Hồng Phong,0903570134\n\
                   xã,,Hòa Cường,Số 388 Núi Thành,0236 3 822 11\n";
    std::fs::write(feed.join("trung-tam.csv"), centres).unwrap();
    let (ok, out) = import(&[feed.to_str().unwrap()], &sources);
    assert!(!ok, "{out}");
    assert!(out.contains("trung-tam.csv  3    Điện thoại") && out.contains("has 10 digits"), "{out}");
    assert!(out.contains("1 errors, 1 warnings — nothing merged"), "{out}");
    assert!(!sources.join("feeds").exists(), "nothing written");

    // Fixed: written, with provenance, and the report shows the province's completeness change.
    std::fs::write(feed.join("trung-tam.csv"), centres.replace("0236 3 822 11", "0236 3 822 111")).unwrap();
    let (ok, out) = import(&[feed.to_str().unwrap()], &sources);
    assert!(ok, "{out}");
    assert!(out.contains("before: 0%") && out.contains("after:  1%"), "{out}");
    assert!(out.contains("communes with address 2/94 · with phone 2/94"), "{out}");
    let written: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(sources.join("feeds/48/feed.json")).unwrap()).unwrap();
    assert_eq!(written["provenance"]["imported"], "2026-01-02");
    assert_eq!(written["provenance"]["files"], "thong-tin.csv, trung-tam.csv");
    assert_eq!(written["centres"][1]["phones"][0], "02363822111");

    // The committed Đà Nẵng feed, imported again as JSON, replaces the province's feed whole.
    let json = dir.join("danang.json");
    std::fs::write(&json, &committed).unwrap();
    let (ok, out) = import(&[json.to_str().unwrap()], &sources);
    assert!(ok, "{out}");
    assert!(out.contains("94 centres (93 with phone), 317 support points"), "{out}");
    assert!(out.contains("after:  50%"), "{out}");

    // Build merges it.
    let built = Command::new(env!("CARGO_BIN_EXE_cuaso-data"))
        .args(["build", "--sources"])
        .arg(&sources)
        .arg("--out")
        .arg(dir.join("out"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&built.stdout);
    assert!(built.status.success(), "{stdout}{}", String::from_utf8_lossy(&built.stderr));
    assert!(stdout.contains("feed 48 Thành phố Đà Nẵng: 94 centres (93 with phone), 317 support points"), "{stdout}");
    std::fs::remove_dir_all(&dir).unwrap();
}
