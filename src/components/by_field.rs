//! The procedures a centre receives, grouped by field (lĩnh vực), and at a
//! commune, split by who handles them.

use crate::api::{self, Resource};
use crate::components::loaded;
use crate::i18n::{say_owned, tr, use_lang};
use crate::modes::AppLink;
use cuaso_catalogue::handler::Handler;
use cuaso_catalogue::model::{Level, ProcedureSummary};
use cuaso_edge::Route;
use cuaso_pages::fields::{field_count, group_by_field};
use leptos::prelude::*;

/// "Thủ tục tiếp nhận ở cấp này": one collapsible list per field.
#[component]
pub fn ProceduresByField(level: Level) -> impl IntoView {
    let index = Resource::new(api::procedure_index);
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
                    <p>{say_owned(field_count(&groups))}</p>
                    <FieldGroups groups />
                }
            })}
        </section>
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
                            <li><AppLink route=Route::Procedure(p.code)>{p.name}</AppLink></li>
                        }).collect_view()}
                    </ul>
                </details>
            }
        })
        .collect_view()
}

/// Procedures grouped by field, as [`group_by_field`] returns them.
type FieldGroupList = Vec<(String, Vec<ProcedureSummary>)>;

/// A commune's procedures, split by who handles them ([`Handler`]): those its
/// centre receives, by field; then those a tax, customs, police, land or other
/// office handles, under that office; then those whose source names no
/// agency, said as such.
#[component]
pub fn CommuneProcedures() -> impl IntoView {
    let index = Resource::new(api::procedure_index);
    let lang = use_lang();
    view! {
        {loaded(index, tr("Không tìm thấy danh mục thủ tục.", "The procedure list is missing."), move |all| {
            let at_commune: Vec<ProcedureSummary> =
                all.iter().filter(|p| p.levels.contains(&Level::Commune)).cloned().collect();
            let of = |h: Handler| -> Vec<ProcedureSummary> {
                at_commune.iter().filter(|p| p.handler == h).cloned().collect()
            };
            let centre = group_by_field(&of(Handler::CommuneCentre), None);
            let elsewhere: Vec<(Handler, FieldGroupList, usize)> = Handler::ALL
                .into_iter()
                .filter(|h| *h != Handler::CommuneCentre)
                .map(|h| {
                    let list = of(h);
                    let n = list.len();
                    (h, group_by_field(&list, None), n)
                })
                .filter(|(_, _, n)| *n > 0)
                .collect();
            view! {
                <section aria-labelledby="by-field-h" data-testid="by-field">
                    <h2 id="by-field-h">{tr(
                        "Thủ tục tiếp nhận tại Trung tâm Phục vụ hành chính công cấp xã, theo lĩnh vực",
                        "Procedures received at the commune's Public Administrative Service Centre, by field",
                    )}</h2>
                    <p>{say_owned(field_count(&centre))}</p>
                    <FieldGroups groups=centre />
                </section>
                <section aria-labelledby="elsewhere-h" data-testid="handled-elsewhere">
                    <h2 id="elsewhere-h">{tr("Thủ tục cấp xã do cơ quan khác tiếp nhận", "Commune-level procedures handled by other offices")}</h2>
                    <p>{tr(
                        "Theo cơ quan thực hiện mà Cổng Dịch vụ công quốc gia công bố, các thủ tục dưới đây do cơ quan thuế, hải quan, công an, đăng ký đất đai hoặc cơ quan chuyên ngành khác giải quyết, không phải trung tâm xã.",
                        "By the executing agency the National Public Service Portal publishes, the procedures below are handled by a tax, customs, police, land registration or other specialised office, not the commune centre.",
                    )}</p>
                    {elsewhere.into_iter().map(|(h, groups, n)| view! {
                        <div class="handler-group" data-handler=format!("{h:?}")>
                            <h3>{move || h.label().pick(lang.get())} " (" {n} ")"</h3>
                            {(h == Handler::Unsure).then(|| view! {
                                <p class="hint">{tr(
                                    "Nguồn không ghi cơ quan thực hiện: Cửa sổ số chưa biết nơi nào tiếp nhận. Hãy hỏi trung tâm xã hoặc xem trang chính thức của thủ tục.",
                                    "The source names no executing agency: Cửa sổ số does not know who receives these. Ask the commune centre or see the procedure's official page.",
                                )}</p>
                            })}
                            <FieldGroups groups />
                        </div>
                    }).collect_view()}
                </section>
            }
        })}
    }
}
