//! Test fixtures shared by the data tool's unit tests: one minimal record per
//! model type, so a new field is added in one place.

use cuaso_catalogue::model::*;

/// A commune-level procedure with nothing published but its name.
pub fn procedure(code: &str, name: &str) -> Procedure {
    Procedure {
        code: ProcedureCode::parse(code).unwrap(),
        name: name.into(),
        field: "Hộ tịch".into(),
        levels: vec![Level::Commune],
        authority: "Bộ Tư pháp".into(),
        procedure_type: None,
        target_groups: vec![],
        agencies: Agencies::default(),
        decision: None,
        official_url: "https://dichvucong.gov.vn/x".into(),
        channels: Parsed::NotPublished,
        documents: Parsed::NotPublished,
        steps: Parsed::NotPublished,
        legal_basis: Parsed::NotPublished,
        conditions: Parsed::NotPublished,
        results: Parsed::NotPublished,
        source: "s".into(),
        english: None,
        kind: ProcedureKind::Standard,
        publisher: None,
        province: None,
        catalogue_only: false,
    }
}
