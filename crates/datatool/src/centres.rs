//! Service centres and support points published for one province: Đà Nẵng's
//! 94 commune offices and 318 post offices (`data/sources/centers/danang`).
//!
//! A commune office fills that commune's centre record (address, phone,
//! location); nothing else is filled in, and no other province is touched.
//! A post office becomes a support point of the commune whose centroid is
//! nearest — "nearby", which is what the page says, not "inside".

use crate::text::{match_key, squash};
use cuaso_catalogue::geo::distance_km;
use cuaso_catalogue::model::*;
use serde::Deserialize;
use std::path::Path;

pub const SOURCE_DANANG: &str = "danang-2025";
/// GSO code of Thành phố Đà Nẵng.
pub const DANANG: &str = "48";

#[derive(Deserialize)]
struct AdminInfo {
    commune_ward_list: Vec<Office>,
}

#[derive(Deserialize)]
struct Office {
    new_commune_ward: String,
    location: Option<OfficeLocation>,
}

#[derive(Deserialize)]
struct OfficeLocation {
    address: Option<String>,
    latitude: Option<f64>,
    longitude: Option<f64>,
    phone: Option<String>,
}

#[derive(Deserialize)]
struct PostOffice {
    name: String,
    address: Option<String>,
    phone: Option<String>,
    location: Option<PostLocation>,
}

#[derive(Deserialize)]
struct PostLocation {
    lat: f64,
    lng: f64,
}

/// What the Đà Nẵng sources added.
#[derive(Debug, Default)]
pub struct Report {
    pub offices: usize,
    pub offices_with_phone: usize,
    pub post_offices: usize,
}

fn nonempty(s: Option<String>) -> Option<String> {
    s.map(|s| squash(&s)).filter(|s| !s.is_empty())
}

/// Fills Đà Nẵng's commune centres and support points in `communes`.
pub fn apply_danang(dir: &Path, communes: &mut [Commune]) -> Result<Report, String> {
    let info_path = dir.join("administrative-information.json");
    let info: AdminInfo = crate::gz::read_json(&info_path)?;
    let posts: Vec<PostOffice> = crate::gz::read_json(&dir.join("post-offices.json"))?;
    let mut report = Report::default();

    let in_danang: Vec<usize> = (0..communes.len()).filter(|&i| communes[i].province.as_str() == DANANG).collect();
    for (row, office) in info.commune_ward_list.into_iter().enumerate() {
        let key = match_key(&office.new_commune_ward);
        // The compilation gives short names ("Hải Châu"): match "Phường/Xã/Đặc khu Hải Châu".
        let matches: Vec<usize> = in_danang
            .iter()
            .copied()
            .filter(|&i| {
                let c = &communes[i];
                match_key(&c.name) == match_key(&format!("{} {}", c.kind.label_vi(), office.new_commune_ward))
                    || match_key(&c.name) == key
            })
            .collect();
        let i = match matches.as_slice() {
            [i] => *i,
            [] => {
                return Err(format!(
                    "{}: row {}: no commune {:?} in Đà Nẵng",
                    info_path.display(),
                    row + 1,
                    office.new_commune_ward
                ))
            }
            _ => {
                return Err(format!(
                    "{}: row {}: {:?} is ambiguous",
                    info_path.display(),
                    row + 1,
                    office.new_commune_ward
                ))
            }
        };
        let centre = &mut communes[i].centre;
        if centre.source.is_some() {
            return Err(format!("{}: row {}: a second office for {}", info_path.display(), row + 1, communes[i].name));
        }
        let loc =
            office.location.unwrap_or(OfficeLocation { address: None, latitude: None, longitude: None, phone: None });
        centre.address = nonempty(loc.address);
        centre.phones = nonempty(loc.phone).into_iter().collect();
        centre.location = loc.latitude.zip(loc.longitude).map(|(lat, lon)| LatLon { lat, lon });
        centre.source = Some(SOURCE_DANANG.into());
        report.offices += 1;
        report.offices_with_phone += usize::from(!centre.phones.is_empty());
    }

    for p in posts {
        let Some(loc) = p.location else { continue };
        let here = LatLon { lat: loc.lat, lon: loc.lng };
        let nearest = in_danang
            .iter()
            .copied()
            .filter(|&i| communes[i].centroid.is_some())
            .min_by(|&a, &b| {
                let da = distance_km(here, communes[a].centroid.unwrap());
                let db = distance_km(here, communes[b].centroid.unwrap());
                da.total_cmp(&db)
            })
            .ok_or("Đà Nẵng has no commune with a centroid")?;
        communes[nearest].support_points.push(SupportPoint {
            kind: SupportKind::PostOffice,
            name: squash(&p.name),
            address: nonempty(p.address),
            phones: nonempty(p.phone).into_iter().collect(),
            location: Some(here),
            source: SOURCE_DANANG.into(),
        });
        report.post_offices += 1;
    }
    Ok(report)
}
