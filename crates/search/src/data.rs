//! The compact records the engine indexes, written by the data tool as two
//! tab-separated files ([`crate::tsv`]) and fetched by the page's search.

use cuaso_catalogue::model::{Channel, CommuneCode, LegacyCode, Level, ProcedureCode, ProvinceCode};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchData {
    pub provinces: Vec<ProvinceRec>,
    pub communes: Vec<CommuneRec>,
    pub legacy: Vec<LegacyRec>,
    pub procedures: Vec<ProcedureRec>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProvinceRec {
    /// GSO code, e.g. "79".
    pub code: ProvinceCode,
    /// "Thành phố Hồ Chí Minh"
    pub name: String,
    /// "Hồ Chí Minh"
    pub short_name: String,
    /// Full names of the pre-2025 provinces merged into it ("Tỉnh Bình Dương", ...).
    pub merged_from: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CommuneRec {
    /// GSO code, e.g. "00070".
    pub code: CommuneCode,
    /// "Phường Hoàn Kiếm"
    pub name: String,
    /// Province code.
    pub province: ProvinceCode,
}

/// A pre-2025 commune-level unit; it leads to its new commune(s).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LegacyRec {
    /// Old GSO code; none for the five island districts without communes
    /// (written `""`).
    #[serde(with = "empty_is_none")]
    pub code: Option<LegacyCode>,
    /// "Phường Hàng Trống"
    pub name: String,
    /// "Quận Hoàn Kiếm"
    pub district: String,
    /// Old province, "Thành phố Hà Nội"
    pub province: String,
    /// New commune codes; the first is the default successor.
    pub targets: Vec<CommuneCode>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProcedureRec {
    /// "1.001193"
    pub code: ProcedureCode,
    pub name: String,
    /// Lĩnh vực, "Hộ tịch"
    pub field: String,
    pub levels: Vec<Level>,
    pub channels: Vec<Channel>,
    /// Everyday names from the curated table (`data/search/everyday-names.json`).
    pub everyday: Vec<String>,
    /// English name, from `data/sources/curated/english-names.json`; shown in
    /// English mode, indexed like an everyday name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    /// Everyday English for it ("birth certificate"), indexed the same way.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases_en: Vec<String>,
    /// The province code ("24") of a province's own procedure (thủ tục riêng của
    /// tỉnh), done on its territory only; none for a national one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub province: Option<ProvinceCode>,
}

/// One entry of the curated table of everyday names.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EverydayName {
    /// What people say: "sổ đỏ", "bằng lái", "CCCD".
    pub phrase: String,
    /// Procedure codes it means; each must exist in the catalogue.
    pub codes: Vec<ProcedureCode>,
    /// Why these codes: what the phrase refers to, for reviewers.
    pub reason: String,
}

/// An optional code written as a string, `""` when there is none (the format
/// the data tool has always written).
mod empty_is_none {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<C: Serialize, S: Serializer>(c: &Option<C>, s: S) -> Result<S::Ok, S::Error> {
        match c {
            Some(c) => c.serialize(s),
            None => s.serialize_str(""),
        }
    }

    pub fn deserialize<'de, C: TryFrom<String>, D: Deserializer<'de>>(d: D) -> Result<Option<C>, D::Error>
    where
        C::Error: std::fmt::Display,
    {
        let s = String::deserialize(d)?;
        if s.is_empty() {
            return Ok(None);
        }
        C::try_from(s).map(Some).map_err(serde::de::Error::custom)
    }
}
