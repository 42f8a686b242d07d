//! Writing the static catalogue: every file is produced in memory, the version
//! is a hash of their content, and the tree is written to a temporary folder
//! beside the target and renamed into place, so a failed run never leaves a
//! half-written catalogue behind.

use crate::Catalogue;
use cuaso_catalogue::format::*;
use cuaso_catalogue::model::*;
use cuaso_catalogue::transparency::{province_stats, Transparency};
use flate2::{write::GzEncoder, Compression};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

/// One written file and its sizes.
pub struct FileSize {
    pub path: String,
    pub raw: usize,
    pub gzip: usize,
}

pub struct Written {
    pub manifest: Manifest,
    pub files: Vec<FileSize>,
}

/// FNV-1a, 64 bits: stable across Rust versions and machines, which
/// `DefaultHasher` is not. Not for security: it names cache entries.
fn fnv1a(bytes: impl Iterator<Item = u8>, mut h: u64) -> u64 {
    for b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x100_0000_01b3);
    }
    h
}

pub fn gzip_len(data: &[u8]) -> usize {
    let mut e = GzEncoder::new(Vec::new(), Compression::best());
    e.write_all(data).expect("writing to memory");
    e.finish().expect("writing to memory").len()
}

/// The files under the version directory, by relative path.
pub fn files(cat: &Catalogue) -> BTreeMap<String, String> {
    let mut files = BTreeMap::new();
    files.insert(PROVINCES_FILE.to_string(), encode(&cat.provinces));
    let rows: Vec<CommuneRow> = cat
        .communes
        .iter()
        .map(|c| CommuneRow { code: c.code.clone(), name: c.name.clone(), kind: c.kind, province: c.province.clone() })
        .collect();
    files.insert(COMMUNES_FILE.to_string(), encode(&rows));
    // Rounded to 4 decimals (about 11 m): centroids are not more precise than that.
    let round = |x: f64| (x * 1e4).round() / 1e4;
    let points: Vec<CommunePoint> = cat
        .communes
        .iter()
        .filter_map(|c| c.centroid.map(|at| CommunePoint(c.code.clone(), round(at.lat), round(at.lon))))
        .collect();
    files.insert(COORDINATES_FILE.to_string(), encode(&points));
    let province_of: BTreeMap<&CommuneCode, &ProvinceCode> =
        cat.communes.iter().map(|c| (&c.code, &c.province)).collect();
    for p in &cat.provinces {
        let file = ProvinceFile {
            province: p.code.clone(),
            communes: cat.communes.iter().filter(|c| c.province == p.code).cloned().collect(),
            // A unit split across provinces is listed in each province it went to.
            legacy_units: cat
                .legacy_units
                .iter()
                .filter(|u| u.targets.iter().any(|t| province_of.get(&t.commune) == Some(&&p.code)))
                .cloned()
                .collect(),
            local_procedures: cat.local_procedures.get(&p.code).cloned().unwrap_or_default(),
        };
        files.insert(province_file(&p.code), encode(&file));
    }
    // Internal procedures keep their page but stay out of every list.
    let index: Vec<ProcedureSummary> =
        cat.procedures.iter().filter(|p| p.kind != ProcedureKind::Internal).map(Procedure::summary).collect();
    files.insert(TRANSPARENCY_FILE.to_string(), encode(&transparency(cat, &index)));
    files.insert(PROCEDURE_INDEX_FILE.to_string(), encode(&index));
    files.insert(LIFE_EVENTS_FILE.to_string(), encode(&cat.life_events));
    let search = crate::search_data::search_data(cat);
    // The search worker's two files (crates/search/src/tsv.rs); the catalogue
    // was validated, so a value that cannot be written is a bug in the data tool.
    files
        .insert(cuaso_search::tsv::CORE_FILE.to_string(), cuaso_search::tsv::write_core(&search).expect("search core"));
    files.insert(
        cuaso_search::tsv::LEGACY_FILE.to_string(),
        cuaso_search::tsv::write_legacy(&search).expect("search legacy"),
    );
    for p in &cat.procedures {
        files.insert(procedure_file(&p.code), encode(p));
    }
    files
}

/// `minh-bach.json`: what each province has published, counted from the records.
pub fn transparency(cat: &Catalogue, index: &[ProcedureSummary]) -> Transparency {
    let provinces = cat
        .provinces
        .iter()
        .map(|p| {
            let communes: Vec<&Commune> = cat.communes.iter().filter(|c| c.province == p.code).collect();
            let local = cat.local_procedures.get(&p.code).map_or(&[][..], |l| l.as_slice());
            province_stats(p, &communes, local, index)
        })
        .collect();
    Transparency { provinces }
}

pub fn content_version(files: &BTreeMap<String, String>) -> String {
    let h = files
        .iter()
        .fold(0xcbf2_9ce4_8422_2325, |h, (path, body)| fnv1a(body.bytes(), fnv1a(path.bytes().chain([0]), h)));
    format!("{:012x}", h & 0xffff_ffff_ffff)
}

/// Writes the catalogue under `out` (replacing what was there) and returns sizes.
pub fn write(cat: &Catalogue, out: &Path, built: &str, counts: Counts) -> Result<Written, String> {
    let files = files(cat);
    let version = content_version(&files);
    let manifest = Manifest {
        format: FORMAT_VERSION,
        version: version.clone(),
        built: built.to_string(),
        sources: cat.sources.clone(),
        counts,
        publisher: cat.publisher.clone(),
    };
    let manifest_text = serde_json::to_string_pretty(&manifest).expect("manifest serialises");

    let parent = out.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    let name = out.file_name().ok_or_else(|| format!("{}: not a folder name", out.display()))?.to_string_lossy();
    let tmp = parent.join(format!(".{name}.tmp-{}", std::process::id()));
    let io = |p: &Path, e: std::io::Error| format!("{}: {e}", p.display());
    let result = (|| {
        let mut sizes = Vec::new();
        for (rel, body) in files
            .iter()
            .map(|(p, b)| (format!("{version}/{p}"), b))
            .chain([(MANIFEST_PATH.to_string(), &manifest_text)])
        {
            let path = tmp.join(&rel);
            std::fs::create_dir_all(path.parent().unwrap()).map_err(|e| io(&path, e))?;
            std::fs::write(&path, body).map_err(|e| io(&path, e))?;
            sizes.push(FileSize { path: rel, raw: body.len(), gzip: gzip_len(body.as_bytes()) });
        }
        Ok::<_, String>(sizes)
    })();
    let sizes = match result {
        Ok(s) => s,
        Err(e) => {
            let _ = std::fs::remove_dir_all(&tmp);
            return Err(e);
        }
    };
    let old = parent.join(format!(".{name}.old-{}", std::process::id()));
    if out.exists() {
        std::fs::rename(out, &old).map_err(|e| io(out, e))?;
    }
    std::fs::rename(&tmp, out).map_err(|e| io(out, e))?;
    let _ = std::fs::remove_dir_all(&old);
    Ok(Written { manifest, files: sizes })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_depends_on_content_and_paths() {
        let mut a = BTreeMap::new();
        a.insert("x.json".to_string(), "[1]".to_string());
        let mut b = a.clone();
        assert_eq!(content_version(&a), content_version(&b));
        b.insert("x.json".to_string(), "[2]".to_string());
        assert_ne!(content_version(&a), content_version(&b));
        let mut c = BTreeMap::new();
        c.insert("y.json".to_string(), "[1]".to_string());
        assert_ne!(content_version(&a), content_version(&c));
        assert_eq!(content_version(&a).len(), 12);
    }
}
