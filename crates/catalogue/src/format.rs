//! The catalogue's file format (version [`FORMAT_VERSION`]): one encoder and one
//! decoder, used by the data tool and the app alike. `docs/catalogue-format.md`
//! describes it for people; this module is the definition.
//!
//! Layout under the data root (default `/data/`):
//!
//! ```text
//! catalogue.json                      manifest: small, revalidated on every visit
//! {version}/provinces.json            the 34 provinces with their centres
//! {version}/communes.json             every commune: code, name, kind, province
//! {version}/tinh/{code}.json          a province's communes and old units
//! {version}/thu-tuc/index.json        every procedure's summary
//! {version}/thu-tuc/{code}.json       one procedure in full
//! {version}/su-kien.json              life events and their procedures
//! {version}/minh-bach.json            what each province has published (counts)
//! ```
//!
//! `{version}` is a hash of the content, so everything under it can be cached
//! forever; only the manifest changes when the data does. A decoder refuses a
//! manifest whose `format` it does not know rather than misreading it.

use crate::model::*;
use serde::{de::DeserializeOwned, Deserialize, Serialize};
use std::fmt;

/// The format this code reads and writes. Bump on any change an older app could
/// misread; adding an optional field is not such a change.
pub const FORMAT_VERSION: u32 = 2;

/// Path of the manifest, relative to the data root.
pub const MANIFEST_PATH: &str = "catalogue.json";

/// What the app reads first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: u32,
    /// Content hash of everything under the version directory.
    pub version: String,
    /// When the data tool built it (ISO date).
    pub built: String,
    pub sources: Vec<Source>,
    pub counts: Counts,
    /// Who publishes this catalogue; absent in catalogues built before it existed.
    #[serde(default)]
    pub publisher: Option<Publisher>,
}

/// Who publishes a catalogue ("Dữ liệu của …"): the project's default build, or
/// a province hosting its own. From `data/sources/publisher.json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Publisher {
    pub name: String,
    pub name_en: String,
    pub url: Option<String>,
    /// Where "Báo lỗi / report an error" sends a report: a `mailto:` address or
    /// an `https://` page of whoever runs this copy; `None` until they name one
    /// (the report page then says so, and offers the text to copy).
    #[serde(default)]
    pub report: Option<String>,
}

impl Manifest {
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }
    /// Path of a versioned file relative to the data root.
    pub fn path(&self, file: &str) -> String {
        format!("{}/{}", self.version, file)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub provinces: u32,
    pub communes: u32,
    pub legacy_units: u32,
    pub procedures: u32,
    /// Centres whose address or phone a source has published.
    pub centres_published: u32,
    pub support_points: u32,
}

/// `communes.json`: one row per commune, enough to route and list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CommuneRow {
    pub code: CommuneCode,
    pub name: String,
    pub kind: UnitKind,
    pub province: ProvinceCode,
}

/// `tinh/{code}.json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProvinceFile {
    pub province: ProvinceCode,
    pub communes: Vec<Commune>,
    /// Pre-2025 units whose successors are in this province.
    pub legacy_units: Vec<LegacyUnit>,
    /// The province's own list of procedures, when its feed supplies one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub local_procedures: Vec<LocalProcedure>,
}

impl ProvinceFile {
    pub fn commune(&self, code: &CommuneCode) -> Option<&Commune> {
        self.communes.iter().find(|c| &c.code == code)
    }
    /// Old units merged, wholly or in part, into `code`.
    pub fn legacy_units_of<'a>(&'a self, code: &'a CommuneCode) -> impl Iterator<Item = &'a LegacyUnit> + 'a {
        self.legacy_units.iter().filter(move |u| u.targets.iter().any(|t| &t.commune == code))
    }
}

/// Relative path of a province file.
pub fn province_file(code: &ProvinceCode) -> String {
    format!("tinh/{code}.json")
}

/// Relative path of a procedure file.
pub fn procedure_file(code: &ProcedureCode) -> String {
    format!("thu-tuc/{code}.json")
}

pub const PROVINCES_FILE: &str = "provinces.json";
/// `toa-do.json`: every commune's centroid, fetched only for "near me".
pub const COORDINATES_FILE: &str = "toa-do.json";

/// One row of `toa-do.json`, written as a compact array `["00070", 21.032, 105.85]`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CommunePoint(pub CommuneCode, pub f64, pub f64);

impl CommunePoint {
    pub fn at(&self) -> LatLon {
        LatLon { lat: self.1, lon: self.2 }
    }
}
pub const COMMUNES_FILE: &str = "communes.json";
pub const PROCEDURE_INDEX_FILE: &str = "thu-tuc/index.json";
/// The life events ([`LifeEvent`]), in the order the home page lists them.
pub const LIFE_EVENTS_FILE: &str = "su-kien.json";
/// What each province has published ([`crate::transparency::Transparency`]), for `/minh-bach`.
pub const TRANSPARENCY_FILE: &str = "minh-bach.json";

/// Why a file could not be read.
#[derive(Clone, Debug, PartialEq)]
pub enum DecodeError {
    /// The file is not valid for this format; the message says where.
    Malformed(String),
    /// A manifest of a format this app does not know.
    UnknownFormat(u32),
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Malformed(m) => write!(f, "malformed catalogue file: {m}"),
            Self::UnknownFormat(v) => {
                write!(f, "catalogue format {v} is not supported (this app reads format {FORMAT_VERSION})")
            }
        }
    }
}
impl std::error::Error for DecodeError {}

/// Decodes any catalogue file but the manifest.
pub fn decode<T: DeserializeOwned>(text: &str) -> Result<T, DecodeError> {
    serde_json::from_str(text).map_err(|e| DecodeError::Malformed(e.to_string()))
}

/// Decodes the manifest, refusing unknown format versions before anything else.
pub fn decode_manifest(text: &str) -> Result<Manifest, DecodeError> {
    #[derive(Deserialize)]
    struct Head {
        format: u32,
    }
    let head: Head = decode(text)?;
    if head.format != FORMAT_VERSION {
        return Err(DecodeError::UnknownFormat(head.format));
    }
    decode(text)
}

/// Encodes a catalogue file (compact JSON; gzip on the wire does the rest).
pub fn encode<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("catalogue types always serialise")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifest_refuses_unknown_format() {
        let m = r#"{"format": 1, "version": "x"}"#;
        assert_eq!(decode_manifest(m), Err(DecodeError::UnknownFormat(1)), "version 1 had no may-apply fees");
        let m = r#"{"format": 3, "version": "x"}"#;
        assert_eq!(decode_manifest(m), Err(DecodeError::UnknownFormat(3)));
        assert!(matches!(decode_manifest("{"), Err(DecodeError::Malformed(_))));
        assert!(matches!(decode_manifest(""), Err(DecodeError::Malformed(_))));
        assert!(matches!(decode_manifest(r#"{"format":"1"}"#), Err(DecodeError::Malformed(_))));
    }

    #[test]
    fn a_manifest_without_publisher_still_reads() {
        let m = r#"{"format":2,"version":"abc","built":"2026-01-01","sources":[{"id":"s","name":"n",
            "name_en":"n","publisher":"p","url":null,"date":"2025","licence":"l","caveat":null}],
            "counts":{"provinces":0,"communes":0,"legacy_units":0,"procedures":0,"centres_published":0,"support_points":0}}"#;
        let m = decode_manifest(m).unwrap();
        assert_eq!(m.publisher, None);
        assert_eq!(m.sources[0].feed, None);
    }
}
