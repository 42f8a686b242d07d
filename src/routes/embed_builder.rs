//! `/nhung`: for provincial webmasters — every embed option explained, a
//! form that builds the snippet to paste, and a live preview. The form's
//! choice is typed `Options` ([`Options::embed`]); the snippet and the preview
//! are both its query, so the preview shows exactly what the snippet will, and
//! a colour the frame would ignore is reported here.

use crate::api::{self, Resource};
use crate::components::Breadcrumb;
use crate::components::PageMeta;
use crate::i18n::{tr, use_lang, Lang};
use cuaso_catalogue::lang::Text;
use cuaso_catalogue::model::{CommuneCode, ProvinceCode};
use cuaso_catalogue::text::sort_key;
use cuaso_edge::Route;
use cuaso_modes::{snippet, Options, Section, IDLE_DEFAULT, IDLE_MAX, IDLE_MIN};
use cuaso_pages::meta::Meta;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Bounds the preview accepts, as `embed.js` does.
const MIN_HEIGHT: f64 = 50.0;
const MAX_HEIGHT: f64 = 100_000.0;

fn origin() -> String {
    crate::browser::window().and_then(|w| w.location().origin().ok()).unwrap_or_default()
}

#[component]
pub fn EmbedBuilderPage() -> impl IntoView {
    let lang = use_lang();
    let provinces = Resource::new(api::provinces);
    let communes = Resource::new(api::communes);
    let province = RwSignal::new(None::<ProvinceCode>);
    let commune = RwSignal::new(None::<CommuneCode>);
    // Vietnamese is the frame's default, so only English is written.
    let english = RwSignal::new(false);
    let colour = RwSignal::new(String::new());
    let sections = RwSignal::new(Section::ALL.to_vec());
    let copied = RwSignal::new(false);

    let built = Memo::new(move |_| {
        Options::embed(province.get(), commune.get(), english.get().then_some(Lang::En), &colour.get(), &sections.get())
    });
    let src = move || format!("{}{}?{}", origin(), Route::Home.href(), built.get().0.query());
    let code = move || {
        let title = Text::new("Cửa sổ số — thủ tục hành chính", "Cửa sổ số — public services");
        snippet(&origin(), &built.get().0, title.pick(built.get().0.lang.unwrap_or(Lang::Vi)))
    };
    let has_colour_problem = move || built.with(|(_, p)| p.is_some());
    let colour_problem = move || {
        built.get().1.map(|reason| {
            view! { <p class="field-error" id="mau-error" role="alert">{move || reason.message().pick(lang.get())}</p> }
        })
    };

    let preview = NodeRef::<leptos::html::Iframe>::new();
    size_from_messages(preview);

    let province_options = move || {
        let mut list = provinces.get().and_then(Result::ok).map(|l| l.as_ref().clone()).unwrap_or_default();
        list.sort_by_cached_key(|p| sort_key(&p.short_name));
        list.into_iter().map(|p| view! { <option value=p.code.to_string()>{p.name}</option> }).collect_view()
    };
    let commune_options = move || {
        let p = province.get();
        let mut list: Vec<_> = communes
            .get()
            .and_then(Result::ok)
            .map(|l| l.iter().filter(|c| Some(&c.province) == p.as_ref()).cloned().collect())
            .unwrap_or_default();
        list.sort_by_cached_key(|c| sort_key(&c.name));
        list.into_iter().map(|c| view! { <option value=c.code.to_string()>{c.name}</option> }).collect_view()
    };

    view! {
        <PageMeta meta=Meta::fixed(Text::new("Nhúng Cửa sổ số vào trang web của tỉnh — Cửa sổ số", "Embed Cửa sổ số in a provincial website — Cửa sổ số"), Text::new(
            "Hướng dẫn và công cụ tạo đoạn mã nhúng Cửa sổ số vào cổng thông tin điện tử của tỉnh, xã.",
            "How to embed Cửa sổ số in a provincial or commune website, with a snippet builder.",
        )) />
        <Breadcrumb />
        <h1>{tr("Nhúng Cửa sổ số vào trang web của tỉnh", "Embed Cửa sổ số in a provincial website")}</h1>
        <p>{tr(
            "Dán đoạn mã dưới đây vào trang của bạn: một khung (iframe) hiển thị Cửa sổ số và một tệp script nhỏ giúp khung tự đổi chiều cao theo nội dung. Trong khung không có đầu trang, chân trang của Cửa sổ số; liên kết ra ngoài phần được nhúng mở ở thẻ mới.",
            "Paste the snippet below into your page: a frame (iframe) showing Cửa sổ số and a small script that resizes the frame to its content. The frame has no Cửa sổ số header or footer; links leaving the embedded part open in a new tab.",
        )}</p>

        <section aria-labelledby="build-h">
            <h2 id="build-h">{tr("Tạo đoạn mã", "Build the snippet")}</h2>
            <form class="embed-form" on:submit=|ev| ev.prevent_default()>
                <label for="nhung-tinh">{tr("Tỉnh, thành phố mặc định", "Default province")}</label>
                <select id="nhung-tinh" on:change=move |ev| { province.set(ProvinceCode::parse(&event_target_value(&ev)).ok()); commune.set(None); }>
                    <option value="">{tr("Không chọn", "None")}</option>
                    {province_options}
                </select>
                <label for="nhung-xa">{tr("Xã, phường mặc định", "Default commune")}</label>
                <select id="nhung-xa" prop:value=move || commune.get().map(|c| c.to_string()).unwrap_or_default() on:change=move |ev| commune.set(CommuneCode::parse(&event_target_value(&ev)).ok())>
                    <option value="">{tr("Không chọn", "None")}</option>
                    {commune_options}
                </select>
                <label for="nhung-lang">{tr("Ngôn ngữ", "Language")}</label>
                <select id="nhung-lang" on:change=move |ev| english.set(event_target_value(&ev) == "en")>
                    <option value="vi">"Tiếng Việt"</option>
                    <option value="en">"English"</option>
                </select>
                <label for="nhung-mau">{tr("Màu nhấn (#rgb hoặc #rrggbb, để trống: màu mặc định)", "Accent colour (#rgb or #rrggbb; empty: the default)")}</label>
                <input id="nhung-mau" type="text" autocomplete="off" spellcheck="false" placeholder="#005a9c"
                    aria-invalid=move || has_colour_problem().then_some("true")
                    aria-describedby=move || has_colour_problem().then_some("mau-error")
                    prop:value=move || colour.get() on:input=move |ev| colour.set(event_target_value(&ev)) />
                {colour_problem}
                <fieldset>
                    <legend>{tr("Các mục hiển thị", "Sections shown")}</legend>
                    <SectionChecks sections />
                </fieldset>
            </form>
            <label for="nhung-code">{tr("Đoạn mã để dán", "Snippet to paste")}</label>
            <textarea id="nhung-code" class="snippet" readonly rows="5" prop:value=code data-testid="snippet"></textarea>
            <p class="actions">
                <button type="button" on:click=move |_| {
                    if let Some(w) = crate::browser::window() {
                        let _ = w.navigator().clipboard().write_text(&code());
                        copied.set(true);
                    }
                }>{move || if copied.get() { tr("Đã chép", "Copied")() } else { tr("Chép đoạn mã", "Copy the snippet")() }}</button>
            </p>
            <h3>{tr("Xem trước", "Preview")}</h3>
            <iframe class="embed-preview" node_ref=preview src=src title=tr("Xem trước khung nhúng", "Preview of the embedded frame") data-testid="preview"></iframe>
        </section>

        <OptionsTable />
        <KioskOptions />
    }
}

/// Every embed option, its values and meaning.
#[component]
fn OptionsTable() -> impl IntoView {
    view! {
        <section aria-labelledby="options-h">
            <h2 id="options-h">{tr("Các tùy chọn", "Options")}</h2>
            <p>{tr(
                "Tùy chọn là tham số trong địa chỉ của khung. Giá trị không hợp lệ bị bỏ qua và dùng mặc định; khung ghi rõ tùy chọn nào đã bị bỏ qua.",
                "Options are parameters of the frame's address. An invalid value is ignored and the default used; the frame says which options it ignored.",
            )}</p>
            <div class="table-scroll">
            <table class="options">
                <thead><tr>
                    <th scope="col">{tr("Tham số", "Parameter")}</th>
                    <th scope="col">{tr("Giá trị", "Values")}</th>
                    <th scope="col">{tr("Ý nghĩa", "Meaning")}</th>
                </tr></thead>
                <tbody>
                    <tr><td><code>"che-do"</code></td><td><code>"nhung"</code></td><td>{tr("Bắt buộc: chế độ nhúng.", "Required: embed mode.")}</td></tr>
                    <tr><td><code>"ma-tinh"</code></td><td>{tr("mã tỉnh, ví dụ ", "a province code, e.g. ")}<code>"79"</code></td><td>{tr("Tỉnh mặc định: bộ lọc tìm kiếm và nơi nộp hồ sơ. Phải có trong danh mục.", "Default province: the search filter and where to submit. Must be in the catalogue.")}</td></tr>
                    <tr><td><code>"ma-xa"</code></td><td>{tr("mã xã, ví dụ ", "a commune code, e.g. ")}<code>"26734"</code></td><td>{tr("Xã, phường mặc định; phải thuộc tỉnh đã chọn.", "Default commune; must be in the chosen province.")}</td></tr>
                    <tr><td><code>"lang"</code></td><td><code>"vi"</code>", "<code>"en"</code></td><td>{tr("Ngôn ngữ; mặc định tiếng Việt.", "Language; Vietnamese by default.")}</td></tr>
                    <tr><td><code>"mau"</code></td><td><code>"%23rgb"</code>", "<code>"%23rrggbb"</code></td><td>{tr("Màu nhấn cho liên kết và nút (dấu # viết là %23). Màu phải đủ đậm để chữ đọc được trên nền trắng (tương phản ≥ 4,5:1).", "Accent colour of links and buttons (write # as %23). It must be dark enough to read on white (contrast ≥ 4.5:1).")}</td></tr>
                    <tr><td><code>"muc"</code></td><td>{Section::ALL.iter().map(|s| view! { <code>{s.param()}</code>" " }).collect_view()}</td><td>{tr("Các mục hiển thị, cách nhau bởi dấu phẩy; mặc định tất cả. Liên kết tới mục không hiển thị mở bản đầy đủ ở thẻ mới.", "Sections shown, comma-separated; all by default. Links to a section not shown open the full app in a new tab.")}</td></tr>
                </tbody>
            </table>
            </div>
            <p>{tr(
                "Script embed.js chỉ nhận thông điệp chiều cao từ địa chỉ gốc của Cửa sổ số, dạng {type: \"cuaso:height\", height: số}, và chỉ đổi chiều cao của khung có thuộc tính data-cuaso. Trang nhúng không cần script nội tuyến.",
                "embed.js accepts only height messages from Cửa sổ số's own origin, shaped {type: \"cuaso:height\", height: number}, and only resizes frames marked data-cuaso. The host page needs no inline script.",
            )}</p>
        </section>
    }
}

/// The kiosk mode and its options.
#[component]
fn KioskOptions() -> impl IntoView {
    let lang = use_lang();
    view! {
        <section aria-labelledby="kiosk-h">
            <h2 id="kiosk-h">{tr("Chế độ kiosk (màn hình cảm ứng tại trung tâm)", "Kiosk mode (touch screens in service centres)")}</h2>
            <p>{tr("Mở ", "Open ")}<code>{Route::Kiosk.href()}</code>{tr(" hoặc thêm ", " or add ")}<code>"?che-do=kiosk"</code>{tr(
                ": chữ và nút lớn, bàn phím tiếng Việt trên màn hình, liên kết ra ngoài hiện mã QR, và sau một thời gian không dùng, màn hình tự xóa mọi thông tin và trở về trang chủ.",
                ": large type and buttons, an on-screen Vietnamese keyboard, outside links shown as QR codes, and after a time unused the screen clears everything and returns to the home page.",
            )}</p>
            <p>
                <code>"cho"</code>
                {move || match lang.get() {
                    Lang::Vi => format!(": số giây không dùng trước khi tự xóa, từ {IDLE_MIN} đến {IDLE_MAX}; mặc định {IDLE_DEFAULT}. "),
                    Lang::En => format!(": idle seconds before the reset, {IDLE_MIN} to {IDLE_MAX}; {IDLE_DEFAULT} by default. "),
                }}
                <code>"ma-tinh"</code>", "<code>"ma-xa"</code>", "<code>"lang"</code>
                {tr(" như trên.", " as above.")}
            </p>
        </section>
    }
}

/// Sizes the preview as embed.js would: only its own frame's height
/// messages, only of the expected shape.
fn size_from_messages(preview: NodeRef<leptos::html::Iframe>) {
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
        let Some(frame) = preview.get_untracked() else { return };
        let from_preview =
            frame.content_window().is_some_and(|w| ev.source().is_some_and(|s| JsValue::from(s) == JsValue::from(w)));
        if ev.origin() != origin() || !from_preview {
            return;
        }
        let data = ev.data();
        let kind = js_sys::Reflect::get(&data, &"type".into()).ok().and_then(|v| v.as_string());
        let height = js_sys::Reflect::get(&data, &"height".into()).ok().and_then(|v| v.as_f64());
        if let (Some("cuaso:height"), Some(h)) = (kind.as_deref(), height) {
            if h.is_finite() && (MIN_HEIGHT..=MAX_HEIGHT).contains(&h) {
                let _ = web_sys::HtmlElement::style(&frame).set_property("height", &format!("{}px", h.ceil()));
            }
        }
    });
    if let Some(w) = crate::browser::window() {
        let _ = w.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
        let f = on_message.as_ref().unchecked_ref::<js_sys::Function>().clone();
        on_cleanup(move || {
            if let Some(w) = crate::browser::window() {
                let _ = w.remove_event_listener_with_callback("message", &f);
            }
        });
    }
    on_message.forget();
}

/// One checkbox per section the frame may show.
#[component]
fn SectionChecks(sections: RwSignal<Vec<Section>>) -> impl IntoView {
    let lang = use_lang();
    let boxes = Section::ALL
        .into_iter()
        .map(|s| {
            let label = s.label();
            let id = format!("muc-{}", s.param());
            let for_id = id.clone();
            view! {
                <li>
                    <label for=for_id class="check">
                        <input
                            type="checkbox"
                            id=id
                            prop:checked=move || sections.with(|v| v.contains(&s))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                sections.update(|v| {
                                    v.retain(|x| *x != s);
                                    if on {
                                        v.push(s);
                                        v.sort();
                                    }
                                });
                            }
                        />
                        {move || label.pick(lang.get())}
                        " (" <code>{s.param()}</code> ")"
                    </label>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="checks">{boxes}</ul> }
}
