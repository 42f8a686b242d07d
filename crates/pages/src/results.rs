//! What a search result says after its kind — whose own procedure it is, the
//! levels it is done at, where it is — worded once for the app's result list
//! (`src/routes/search.rs`, which links each level) and the HTML pages'
//! search worker (`crates/search-wasm`, which writes it as one line).

use cuaso_catalogue::lang::{Lang, Text};
use cuaso_catalogue::model::Level;
use cuaso_route::Route;
use cuaso_search::data::SearchData;
use cuaso_search::{Hit, HitKind};

/// The parts of a result's line after its kind, in the order shown.
#[derive(Clone, Debug, PartialEq)]
pub struct ResultMeta {
    /// The province a province's own procedure belongs to (its name, or its
    /// code if the records lack the province).
    pub own_of: Option<String>,
    /// Each level once, the citizen's nearest first (commune, province,
    /// ministry; "other" before them), with the family member done there
    /// (the hit's own procedure first, then its family by code).
    pub levels: Vec<(Level, Route)>,
    /// Whether the levels are several procedures' (a family): each is then
    /// its own link.
    pub family: bool,
    /// A procedure's field, a commune's province, an old unit's place and
    /// new commune(s), a province's merged provinces (see [`ResultMeta::subtitle`]).
    subtitle: String,
    merged: bool,
}

impl ResultMeta {
    pub fn of(h: &Hit, data: &SearchData) -> ResultMeta {
        let procedure = (h.kind == HitKind::Procedure).then(|| &data.procedures[h.record]);
        let own_of = procedure.and_then(|p| p.province.as_ref()).map(|code| {
            data.provinces.iter().find(|p| p.code == *code).map_or_else(|| code.to_string(), |p| p.name.clone())
        });
        let mut levels: Vec<(Level, Route)> = Vec::new();
        if let Some(p) = procedure {
            for m in std::iter::once(p).chain(h.family.iter().map(|&i| &data.procedures[i])) {
                for &l in &m.levels {
                    if !levels.iter().any(|(x, _)| *x == l) {
                        levels.push((l, Route::Procedure(m.code.clone())));
                    }
                }
            }
        }
        levels.sort_by_key(|(l, _)| std::cmp::Reverse(*l));
        ResultMeta {
            own_of,
            levels,
            family: !h.family.is_empty(),
            subtitle: h.subtitle.clone(),
            merged: h.kind == HitKind::Province,
        }
    }

    /// "riêng của Tỉnh Bắc Ninh" / "Tỉnh Bắc Ninh's own".
    pub fn own(&self) -> Option<Text<String>> {
        self.own_of.as_ref().map(|name| Text::new(format!("riêng của {name}"), format!("{name}'s own")))
    }

    /// "cấp xã" / "commune level".
    pub fn level(level: Level) -> Text<String> {
        let label = level.label();
        Text::new(label.vi.to_lowercase(), format!("{} level", label.en.to_lowercase()))
    }

    /// The subtitle as shown: "Hợp nhất với …" / "Merged with …" for a
    /// province's merged provinces; none if empty.
    pub fn subtitle(&self) -> Option<Text<String>> {
        let sub = &self.subtitle;
        (!sub.is_empty()).then(|| match self.merged {
            true => Text::new(format!("Hợp nhất với {sub}"), format!("Merged with {sub}")),
            false => Text::new(sub.clone(), sub.clone()),
        })
    }

    /// The whole line in `lang`, its parts joined by " · ".
    pub fn line(&self, lang: Lang) -> String {
        let levels = self.levels.iter().map(|&(l, _)| ResultMeta::level(l).pick(lang)).collect::<Vec<_>>().join(" · ");
        self.own()
            .map(|t| t.pick(lang))
            .into_iter()
            .chain((!levels.is_empty()).then_some(levels))
            .chain(self.subtitle().map(|t| t.pick(lang)))
            .collect::<Vec<_>>()
            .join(" · ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cuaso_search::{Engine, Filters};

    fn engine() -> Engine {
        let data = cuaso_search::tsv::read(
            "P\t27\tTỉnh Bắc Ninh\tBắc Ninh\tTỉnh Bắc Ninh\u{1f}Tỉnh Bắc Giang\n\
             C\t07420\tPhường Kinh Bắc\t27\n\
             T\t1.001193\tĐăng ký khai sinh\tHộ tịch\tC\tIO\t\t\t\t\n\
             T\t2.000001\tĐăng ký khai sinh\tHộ tịch\tP\tI\t\t\t\t\n\
             T\t3.000001\tHỗ trợ nông dân trồng vải\tNông nghiệp\tP\tI\t\t\t\t27\n\
             E\t5\n",
            "",
        )
        .unwrap();
        Engine::new(data)
    }

    fn first(e: &Engine, q: &str) -> ResultMeta {
        let hit = &e.search(q, &Filters::default(), 5)[0];
        ResultMeta::of(hit, e.data())
    }

    #[test]
    fn a_family_shows_each_level_once_nearest_first_with_its_member() {
        let e = engine();
        let m = first(&e, "dang ky khai sinh");
        assert!(m.family);
        assert_eq!(m.line(Lang::Vi), "cấp xã · cấp tỉnh · Hộ tịch");
        assert_eq!(m.line(Lang::En), "commune level · province level · Hộ tịch");
        let routes: Vec<String> = m.levels.iter().map(|(_, r)| r.href()).collect();
        assert_eq!(routes, ["/thu-tuc/1.001193", "/thu-tuc/2.000001"]);
    }

    #[test]
    fn a_provinces_own_procedure_and_a_merged_province_say_so() {
        let e = engine();
        assert!(!first(&e, "trong vai").family);
        assert_eq!(first(&e, "trong vai").line(Lang::Vi), "riêng của Tỉnh Bắc Ninh · cấp tỉnh · Nông nghiệp");
        assert_eq!(first(&e, "trong vai").line(Lang::En), "Tỉnh Bắc Ninh's own · province level · Nông nghiệp");
        let p = first(&e, "bac ninh");
        assert_eq!(p.line(Lang::Vi), "Hợp nhất với Tỉnh Bắc Giang");
        assert_eq!(p.line(Lang::En), "Merged with Tỉnh Bắc Giang");
        assert_eq!(first(&e, "kinh bac").line(Lang::Vi), "Tỉnh Bắc Ninh");
    }
}
