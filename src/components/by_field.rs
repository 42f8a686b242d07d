//! The procedures a centre receives, grouped by field (lĩnh vực).

use crate::api;
use crate::components::loaded;
use crate::i18n::{tr, use_lang, Lang};
use cuaso_catalogue::model::{Level, ProcedureSummary};
use cuaso_catalogue::text::fold;
use leptos::prelude::*;

/// Groups the procedures done at `level` (every procedure if `None`) by field,
/// fields sorted by name and procedures by name within each.
pub fn group_by_field(all: &[ProcedureSummary], level: Option<Level>) -> Vec<(String, Vec<ProcedureSummary>)> {
    let mut groups: Vec<(String, Vec<ProcedureSummary>)> = Vec::new();
    for p in all.iter().filter(|p| level.is_none_or(|l| p.levels.contains(&l))) {
        match groups.iter_mut().find(|(f, _)| *f == p.field) {
            Some((_, list)) => list.push(p.clone()),
            None => groups.push((p.field.clone(), vec![p.clone()])),
        }
    }
    groups.sort_by_key(|(f, _)| fold(f));
    for (_, list) in &mut groups {
        list.sort_by_key(|p| fold(&p.name));
    }
    groups
}

/// "Thủ tục tiếp nhận ở cấp này": one collapsible list per field.
#[component]
pub fn ProceduresByField(level: Level) -> impl IntoView {
    let index = LocalResource::new(api::procedure_index);
    let lang = use_lang();
    let heading = match level {
        Level::Province => {
            tr("Thủ tục thực hiện ở cấp tỉnh, theo lĩnh vực", "Procedures handled at province level, by field")
        }
        _ => tr("Thủ tục tiếp nhận ở cấp xã, theo lĩnh vực", "Procedures received at commune level, by field"),
    };
    view! {
        <section aria-labelledby="by-field-h" data-testid="by-field">
            <h2 id="by-field-h">{heading}</h2>
            {loaded(index, tr("Không tìm thấy danh mục thủ tục.", "The procedure list is missing."), move |all| {
                let groups = group_by_field(&all, Some(level));
                view! {
                    <p>{field_count(&groups, lang)}</p>
                    <FieldGroups groups />
                }
            })}
        </section>
    }
}

/// "N thủ tục trong M lĩnh vực…", in the current language.
pub fn field_count(
    groups: &[(String, Vec<ProcedureSummary>)],
    lang: RwSignal<Lang>,
) -> impl Fn() -> String + Send + Sync + 'static {
    let total: usize = groups.iter().map(|(_, l)| l.len()).sum();
    let n_fields = groups.len();
    move || match lang.get() {
        Lang::Vi => format!(
            "{total} thủ tục trong {n_fields} lĩnh vực, theo cấp thực hiện công bố trên Cổng Dịch vụ công quốc gia."
        ),
        Lang::En => format!(
            "{total} procedures in {n_fields} fields, by the level published on the National Public Service Portal."
        ),
    }
}

/// One collapsible list of procedure links per field.
#[component]
pub fn FieldGroups(groups: Vec<(String, Vec<ProcedureSummary>)>) -> impl IntoView {
    groups
        .into_iter()
        .map(|(field, list)| {
            let n = list.len();
            view! {
                <details class="field-group">
                    <summary>{field} " (" {n} ")"</summary>
                    <ul>
                        {list.into_iter().map(|p| view! {
                            <li><a href=format!("/thu-tuc/{}", p.code)>{p.name}</a></li>
                        }).collect_view()}
                    </ul>
                </details>
            }
        })
        .collect_view()
}
