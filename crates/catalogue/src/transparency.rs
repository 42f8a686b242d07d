//! What each province has published, counted from the catalogue itself
//! (`minh-bach.json`, shown on `/minh-bach`).
//!
//! The data tool computes [`Transparency`] from the records it writes, never
//! from typed-in numbers; the app only adds the rows up ([`totals`]) and sorts
//! them. Loading the 34 province files in the browser to count phones would
//! cost 255 KB gzip; this file is a few KB.

use crate::model::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// `minh-bach.json`: one row per province, in the catalogue's province order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Transparency {
    pub provinces: Vec<ProvinceStats>,
}

/// Procedures counted by the level that receives them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LevelCounts {
    pub province: u32,
    pub commune: u32,
}

/// What one province has published.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProvinceStats {
    pub code: ProvinceCode,
    pub name: String,
    /// Procedures it receives by level: from its own published list when it has
    /// one ([`Self::local_list`]), else from the national catalogue.
    pub procedures: LevelCounts,
    /// Number of procedures in the province's own published list; `None` when
    /// it has published none.
    pub local_list: Option<u32>,
    /// The province's own procedures (thủ tục đặc thù) that this catalogue
    /// holds, from the portal's catalogue: the telegram's first task. 0 means
    /// the catalogue has none, not that the province has none in force.
    #[serde(default)]
    pub own_procedures: u32,
    /// The provincial centre's address is published.
    pub centre_address: bool,
    /// The provincial centre's hotline, when published.
    pub hotline: Option<Hotline>,
    /// A phone or hotline of the provincial centre that a public source
    /// reports, verbatim ([`ServiceCentre::reported`]), when there is no
    /// [`Self::hotline`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported_number: Option<String>,
    /// Communes (xã, phường, đặc khu) in the province.
    pub communes: u32,
    /// Communes whose centre has a published address.
    pub communes_with_address: u32,
    /// Communes whose centre has a published phone number.
    pub communes_with_phone: u32,
    /// Support points (post offices…) attached to its communes.
    pub support_points: u32,
    /// Sources of the province's centre, commune centres and support points, sorted.
    pub sources: Vec<SourceId>,
}

impl ProvinceStats {
    /// Share of what the government asked each province to publish that is
    /// published, in `[0, 1]`: the mean of four parts, each in `[0, 1]` —
    /// the provincial centre's address, a hotline, commune centres with an
    /// address, commune centres with a phone. Procedures are not in it: every
    /// province has the national catalogue, and a province with no procedure
    /// of its own in this catalogue may have none in force.
    pub fn completeness(&self) -> f64 {
        let share = |n: u32| if self.communes == 0 { 0.0 } else { f64::from(n) / f64::from(self.communes) };
        let parts = [
            f64::from(u8::from(self.centre_address)),
            f64::from(u8::from(self.has_number())),
            share(self.communes_with_address),
            share(self.communes_with_phone),
        ];
        parts.iter().sum::<f64>() / parts.len() as f64
    }

    /// A hotline or a reported number of the provincial centre.
    pub fn has_number(&self) -> bool {
        self.hotline.is_some() || self.reported_number.is_some()
    }

    /// [`Self::completeness`] as a whole percentage, rounded half up.
    pub fn percent(&self) -> u32 {
        (self.completeness() * 100.0 + 0.5).floor() as u32
    }
}

/// National totals over every province.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    pub provinces: u32,
    pub centre_addresses: u32,
    pub hotlines: u32,
    pub hotlines_always_open: u32,
    pub communes: u32,
    pub communes_with_address: u32,
    pub communes_with_phone: u32,
    pub support_points: u32,
    pub local_lists: u32,
    /// Own procedures over every province, and provinces with at least one.
    pub own_procedures: u32,
    pub provinces_with_own: u32,
}

pub fn totals(rows: &[ProvinceStats]) -> Totals {
    let mut t = Totals::default();
    for r in rows {
        t.provinces += 1;
        t.centre_addresses += u32::from(r.centre_address);
        t.hotlines += u32::from(r.has_number());
        t.hotlines_always_open += u32::from(r.hotline.as_ref().is_some_and(|h| h.always_open));
        t.communes += r.communes;
        t.communes_with_address += r.communes_with_address;
        t.communes_with_phone += r.communes_with_phone;
        t.support_points += r.support_points;
        t.local_lists += u32::from(r.local_list.is_some());
        t.own_procedures += r.own_procedures;
        t.provinces_with_own += u32::from(r.own_procedures > 0);
    }
    t
}

/// Counts one province from its records. `local` is its published list (may be
/// empty); `index` the national catalogue's procedures.
pub fn province_stats(
    province: &Province,
    communes: &[&Commune],
    local: &[LocalProcedure],
    index: &[ProcedureSummary],
) -> ProvinceStats {
    let at = |levels: &[Level], l: Level| levels.contains(&l);
    let procedures = if local.is_empty() {
        LevelCounts {
            province: index.iter().filter(|p| at(&p.levels, Level::Province)).count() as u32,
            commune: index.iter().filter(|p| at(&p.levels, Level::Commune)).count() as u32,
        }
    } else {
        let levels = |e: &LocalProcedure| -> Vec<Level> {
            match e.level {
                Some(l) => vec![l],
                None => index.iter().find(|p| p.code == e.code).map(|p| p.levels.clone()).unwrap_or_default(),
            }
        };
        LevelCounts {
            province: local.iter().filter(|e| at(&levels(e), Level::Province)).count() as u32,
            commune: local.iter().filter(|e| at(&levels(e), Level::Commune)).count() as u32,
        }
    };
    let mut sources = BTreeSet::new();
    sources.extend(province.centre.source.clone());
    sources.extend(province.centre.reported.iter().map(|r| r.source.clone()));
    for c in communes {
        sources.extend(c.centre.source.clone());
        sources.extend(c.centre.reported.iter().map(|r| r.source.clone()));
        sources.extend(c.support_points.iter().map(|s| s.source.clone()));
    }
    sources.extend(local.iter().map(|e| e.source.clone()));
    ProvinceStats {
        code: province.code.clone(),
        name: province.name.clone(),
        procedures,
        local_list: (!local.is_empty()).then_some(local.len() as u32),
        own_procedures: index.iter().filter(|p| p.is_own_of(&province.code)).count() as u32,
        centre_address: province.centre.has_address(),
        hotline: province.centre.hotline.clone(),
        reported_number: province.centre.reported_number().map(|r| r.value.clone()),
        communes: communes.len() as u32,
        communes_with_address: communes.iter().filter(|c| c.centre.has_address()).count() as u32,
        communes_with_phone: communes
            .iter()
            .filter(|c| !c.centre.phones.is_empty() || c.centre.reported_number().is_some())
            .count() as u32,
        support_points: communes.iter().map(|c| c.support_points.len() as u32).sum(),
        sources: sources.into_iter().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(address: bool, hotline: bool, communes: u32, with_address: u32, with_phone: u32) -> ProvinceStats {
        ProvinceStats {
            code: ProvinceCode::parse("48").unwrap(),
            name: "Thành phố Đà Nẵng".into(),
            procedures: LevelCounts::default(),
            local_list: None,
            own_procedures: 0,
            centre_address: address,
            hotline: hotline.then(|| Hotline { number: "1022".into(), always_open: true }),
            reported_number: None,
            communes,
            communes_with_address: with_address,
            communes_with_phone: with_phone,
            support_points: 0,
            sources: vec![],
        }
    }

    #[test]
    fn completeness_is_the_mean_of_four_parts() {
        assert_eq!(row(false, false, 94, 0, 0).percent(), 0);
        assert_eq!(row(true, true, 94, 94, 94).percent(), 100);
        // Đà Nẵng today: every commune address, 93 of 94 phones, nothing provincial.
        assert_eq!(row(false, false, 94, 94, 93).percent(), 50);
        assert!((row(false, false, 94, 94, 93).completeness() - (1.0 + 93.0 / 94.0) / 4.0).abs() < 1e-12);
        assert_eq!(row(true, false, 0, 0, 0).percent(), 25, "no communes: no division by zero");
    }

    #[test]
    fn totals_add_every_row() {
        let mut own = row(false, false, 3, 1, 0);
        own.own_procedures = 99;
        let t = totals(&[row(true, true, 10, 5, 4), own]);
        assert_eq!(
            t,
            Totals {
                provinces: 2,
                centre_addresses: 1,
                hotlines: 1,
                hotlines_always_open: 1,
                communes: 13,
                communes_with_address: 6,
                communes_with_phone: 4,
                support_points: 0,
                local_lists: 0,
                own_procedures: 99,
                provinces_with_own: 1,
            }
        );
    }
}
