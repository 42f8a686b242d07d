//! The data tool on broken sources: it names the file, the record and the
//! field, exits non-zero, and leaves the output folder as it was — no partial
//! catalogue, no temporary folder behind.

mod common;
use common::{copy_dir, sources_dir};
use std::path::{Path, PathBuf};
use std::process::Command;

/// A scratch folder with a copy of the real sources and an output folder
/// holding one file that must survive.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("cuaso-data-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(&sources_dir(), &dir.join("sources"));
    std::fs::create_dir_all(dir.join("out")).unwrap();
    std::fs::write(dir.join("out/sentinel"), "previous catalogue").unwrap();
    dir
}

fn build(dir: &Path, out: &Path) -> (bool, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_cuaso-data"))
        .args(["build", "--sources"])
        .arg(dir.join("sources"))
        .arg("--out")
        .arg(out)
        .output()
        .unwrap();
    (o.status.success(), String::from_utf8_lossy(&o.stderr).into_owned())
}

/// The output folder holds only what it held before, and nothing but `expected` is beside it.
fn untouched(dir: &Path, expected: &[&str]) {
    let out: Vec<_> = std::fs::read_dir(dir.join("out")).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(out, ["sentinel"]);
    assert_eq!(std::fs::read_to_string(dir.join("out/sentinel")).unwrap(), "previous catalogue");
    let beside: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert!(
        beside.iter().all(|n| ["sources", "out"].iter().chain(expected).any(|e| n == *e)),
        "left behind: {beside:?}"
    );
}

#[test]
fn an_invalid_record_names_file_record_and_field_and_writes_nothing() {
    let dir = scratch("invalid");
    let path = dir.join("sources/curated/life-events.json");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut events: serde_json::Value = serde_json::from_str(&text).unwrap();
    events[0]["codes"][0] = "9.999999".into();
    std::fs::write(&path, events.to_string()).unwrap();
    let (ok, stderr) = build(&dir, &dir.join("out"));
    assert!(!ok, "exits non-zero");
    assert!(
        stderr.contains(r#"curated/life-events.json: #1 "sinh-con": codes: unknown procedure 9.999999"#),
        "{stderr}"
    );
    assert!(stderr.contains("nothing written"), "{stderr}");
    untouched(&dir, &[]);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_unreadable_source_names_the_file_and_writes_nothing() {
    let dir = scratch("unreadable");
    let path = dir.join("sources/curated/everyday-names.json");
    let text = std::fs::read_to_string(&path).unwrap();
    let half = (0..=text.len() / 2).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
    std::fs::write(&path, &text[..half]).unwrap();
    let (ok, stderr) = build(&dir, &dir.join("out"));
    assert!(!ok, "exits non-zero");
    assert!(stderr.contains("curated/everyday-names.json") && stderr.contains("line"), "{stderr}");
    untouched(&dir, &[]);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_write_that_fails_leaves_no_partial_output() {
    let dir = scratch("unwritable");
    // The output's parent is a file: nothing can be written there.
    std::fs::write(dir.join("not-a-folder"), "").unwrap();
    let (ok, stderr) = build(&dir, &dir.join("not-a-folder/out"));
    assert!(!ok, "exits non-zero");
    assert!(stderr.contains("not-a-folder"), "{stderr}");
    untouched(&dir, &["not-a-folder"]);
    std::fs::remove_dir_all(&dir).unwrap();
}
