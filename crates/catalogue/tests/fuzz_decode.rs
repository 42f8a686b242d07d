//! Fuzz targets for every catalogue decoder (proptest; see docs/security.md
//! for the long run): whatever a file holds, decoding returns a value or an
//! error, never panics, and a value it accepts encodes back to itself.

mod mutate;

use cuaso_catalogue::format::*;
use cuaso_catalogue::model::*;
use mutate::{config, inputs};
use proptest::prelude::*;
use serde::{de::DeserializeOwned, Serialize};
use std::fmt::Debug;

/// Cases per target in a CI run (`PROPTEST_CASES` overrides).
const CI_CASES: u32 = 1500;

/// A value the decoder accepts encodes to a file it accepts again. (Not
/// always to the same value: serde_json reads an integer literal above 2^53
/// into an `f64` one ulp away from the same number written as a float.)
fn holds<T: DeserializeOwned + Serialize + Debug>(text: &str) -> Result<(), TestCaseError> {
    if let Ok(v) = decode::<T>(text) {
        let again = decode::<T>(&encode(&v));
        prop_assert!(again.is_ok(), "{:?} → {:?}", v, again);
    }
    Ok(())
}

#[test]
fn the_seeds_decode() {
    decode_manifest(include_str!("seeds/manifest.json")).unwrap();
    decode::<Vec<Province>>(include_str!("seeds/provinces.json")).unwrap();
    decode::<Vec<CommuneRow>>(include_str!("seeds/communes.json")).unwrap();
    decode::<ProvinceFile>(include_str!("seeds/province-file.json")).unwrap();
    decode::<Vec<ProcedureSummary>>(include_str!("seeds/procedure-index.json")).unwrap();
    decode::<Procedure>(include_str!("seeds/procedure.json")).unwrap();
    decode::<Vec<LifeEvent>>(include_str!("seeds/life-events.json")).unwrap();
    decode::<Vec<CommunePoint>>(include_str!("seeds/points.json")).unwrap();
}

proptest! {
    #![proptest_config(config(CI_CASES))]

    #[test]
    fn fuzz_manifest(text in inputs(include_str!("seeds/manifest.json"))) {
        match decode_manifest(&text) {
            Ok(m) => {
                prop_assert_eq!(m.format, FORMAT_VERSION);
                prop_assert!(decode_manifest(&encode(&m)).is_ok());
            }
            Err(DecodeError::UnknownFormat(v)) => prop_assert_ne!(v, FORMAT_VERSION),
            Err(DecodeError::Malformed(_)) => {}
        }
    }

    #[test]
    fn fuzz_provinces(text in inputs(include_str!("seeds/provinces.json"))) {
        holds::<Vec<Province>>(&text)?;
    }

    #[test]
    fn fuzz_communes(text in inputs(include_str!("seeds/communes.json"))) {
        holds::<Vec<CommuneRow>>(&text)?;
    }

    #[test]
    fn fuzz_province_file(text in inputs(include_str!("seeds/province-file.json"))) {
        holds::<ProvinceFile>(&text)?;
        // What the pages do with a province file must not panic either.
        if let Ok(f) = decode::<ProvinceFile>(&text) {
            for c in &f.communes {
                let _ = f.commune(&c.code);
                let _ = f.legacy_units_of(&c.code).count();
            }
        }
    }

    #[test]
    fn fuzz_procedure_index(text in inputs(include_str!("seeds/procedure-index.json"))) {
        holds::<Vec<ProcedureSummary>>(&text)?;
    }

    #[test]
    fn fuzz_procedure(text in inputs(include_str!("seeds/procedure.json"))) {
        holds::<Procedure>(&text)?;
        if let Ok(p) = decode::<Procedure>(&text) {
            prop_assert_eq!(p.summary().code, p.code);
        }
    }

    #[test]
    fn fuzz_life_events(text in inputs(include_str!("seeds/life-events.json"))) {
        holds::<Vec<LifeEvent>>(&text)?;
    }

    #[test]
    fn fuzz_points(text in inputs(include_str!("seeds/points.json"))) {
        holds::<Vec<CommunePoint>>(&text)?;
    }

    /// The folding every filter applies to typed text and names from data.
    #[test]
    fn fuzz_fold(text in any::<String>()) {
        let folded = cuaso_catalogue::text::fold(&text);
        prop_assert_eq!(cuaso_catalogue::text::fold(&folded), folded.clone());
    }
}
