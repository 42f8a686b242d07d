//! Procedures grouped by field (lĩnh vực): `/linh-vuc`, a province's own
//! procedures, and the lists a centre receives.

use cuaso_catalogue::lang::Text;
use cuaso_catalogue::model::{Level, ProcedureSummary};
use cuaso_catalogue::text::sort_key;

/// Procedures of one field, by name.
pub type Group = (String, Vec<ProcedureSummary>);

/// Groups the procedures done at `level` (every procedure if `None`) by field,
/// fields sorted by name and procedures by name within each.
pub fn group_by_field(all: &[ProcedureSummary], level: Option<Level>) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    for p in all.iter().filter(|p| level.is_none_or(|l| p.levels.contains(&l))) {
        match groups.iter_mut().find(|(f, _)| *f == p.field) {
            Some((_, list)) => list.push(p.clone()),
            None => groups.push((p.field.clone(), vec![p.clone()])),
        }
    }
    groups.sort_by_cached_key(|(f, _)| sort_key(f));
    for (_, list) in &mut groups {
        list.sort_by_cached_key(|p| sort_key(&p.name));
    }
    groups
}

/// "N thủ tục trong M lĩnh vực…".
pub fn field_count(groups: &[Group]) -> Text<String> {
    let total: usize = groups.iter().map(|(_, l)| l.len()).sum();
    let n = groups.len();
    Text::new(
        format!("{total} thủ tục trong {n} lĩnh vực, theo cấp thực hiện công bố trên Cổng Dịch vụ công quốc gia."),
        format!("{total} procedures in {n} fields, by the level published on the National Public Service Portal."),
    )
}

/// Which centres receive a procedure done at these levels: (commune, province).
pub fn handled_by(levels: &[Level]) -> (bool, bool) {
    (levels.contains(&Level::Commune), levels.contains(&Level::Province))
}

/// Where a procedure received at these centres is received, said plainly.
pub fn received_at(commune: bool, province: bool) -> cuaso_catalogue::lang::Text {
    use cuaso_catalogue::lang::Text;
    match (commune, province) {
        (true, true) => Text::new(
            "Thủ tục này được tiếp nhận ở cả cấp xã và cấp tỉnh.",
            "This procedure is received at both commune and province level.",
        ),
        (true, false) => Text::new(
            "Thủ tục này được tiếp nhận ở trung tâm cấp xã.",
            "This procedure is received at the commune centre.",
        ),
        (false, _) => Text::new(
            "Thủ tục này được tiếp nhận ở trung tâm cấp tỉnh.",
            "This procedure is received at the provincial centre.",
        ),
    }
}
