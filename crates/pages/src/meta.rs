//! Each page's `<title>` and meta description, in both languages: what a
//! browser tab, a bookmark and a search engine's snippet say about the page.
//! Names from the data (a procedure's, a province's) stay as published; only
//! the words around them change with the language.

use cuaso_catalogue::lang::Text;

/// The site's name, the same in both languages.
pub const SITE: &str = "Cửa sổ số";

/// A page's title and description.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Meta {
    pub title: Text<String>,
    pub description: Text<String>,
}

impl Meta {
    /// A page whose title and description do not depend on its data.
    pub fn fixed(title: Text, description: Text) -> Meta {
        let own = |t: Text| Text::new(t.vi.to_string(), t.en.to_string());
        Meta { title: own(title), description: own(description) }
    }
}

fn titled(name: &str) -> Text<String> {
    let t = format!("{name} — {SITE}");
    Text::new(t.clone(), t)
}

/// A procedure's own page (`/thu-tuc/{code}`).
pub fn procedure(name: &str, code: &str) -> Meta {
    Meta {
        title: titled(name),
        description: Text::new(
            format!("{name} ({code}): thành phần hồ sơ, thời hạn, phí, lệ phí, trình tự thực hiện."),
            format!("{name} ({code}): documents to bring, time limits, fees and charges, steps."),
        ),
    }
}

/// A procedure our catalogue lists by name only, with the portal's page as
/// its source.
pub fn catalogue_procedure(name: &str, code: &str) -> Meta {
    Meta {
        title: titled(name),
        description: Text::new(
            format!("{name} ({code}): trang chính thức trên Cổng Dịch vụ công quốc gia."),
            format!("{name} ({code}): its official page on the National Public Service Portal."),
        ),
    }
}

/// A province's page.
pub fn province(name: &str, communes: u32) -> Meta {
    Meta {
        title: titled(name),
        description: Text::new(
            format!("{name}: trung tâm phục vụ hành chính công, {communes} xã, phường."),
            format!("{name}: public administrative service centre, {communes} communes and wards."),
        ),
    }
}

/// A commune's page, named with its province (many communes share a name).
pub fn commune(name: &str, province: &str) -> Meta {
    let t = format!("{name}, {province} — {SITE}");
    Meta {
        title: Text::new(t.clone(), t),
        description: Text::new(
            format!("{name} ({province}): trung tâm phục vụ hành chính công, các đơn vị cũ sáp nhập."),
            format!("{name} ({province}): public administrative service centre, the former units merged into it."),
        ),
    }
}

/// The title of a page that answers what is typed (search, the old-address
/// lookup): the query first, as a tab or the history list shows it.
pub fn query_title(page: Text, q: &str) -> Text<String> {
    let q = q.trim();
    let one = |page: &str| {
        if q.is_empty() {
            format!("{page} — {SITE}")
        } else {
            format!("“{q}” — {page} — {SITE}")
        }
    };
    Text::new(one(page.vi), one(page.en))
}

/// The transparency page.
/// The search page, titled by its query ([`query_title`]).
pub const SEARCH_PAGE: Text = Text::new("Tìm kiếm", "Search");
pub const SEARCH_DESCRIPTION: Text = Text::new(
    "Tìm thủ tục hành chính, xã phường mới, tỉnh thành và địa chỉ cũ trước sáp nhập.",
    "Search procedures, new communes, provinces and pre-2025 addresses.",
);
/// The old-address page, titled by its query ([`query_title`]).
pub const ADDRESS_PAGE: Text = Text::new("Tra cứu địa chỉ cũ", "Look up an old address");
pub const ADDRESS_DESCRIPTION: Text = Text::new(
    "Nhập địa chỉ cũ trước 01/7/2025 (phường, xã, quận, huyện, tỉnh) để biết nay thuộc xã, phường nào.",
    "Type a pre-July-2025 address (ward or commune, district, province) to find the commune it belongs to now.",
);
pub const REPORT_TITLE: Text = Text::new("Báo lỗi — Cửa sổ số", "Report an error — Cửa sổ số");
pub const REPORT_DESCRIPTION: Text = Text::new(
    "Báo cho đơn vị vận hành Cửa sổ số một thông tin sai hoặc còn thiếu: địa chỉ, số điện thoại, thủ tục, giấy tờ, lệ phí.",
    "Tell whoever runs this copy of Cửa sổ số about wrong or missing information: an address, a phone number, a procedure, a document, a fee.",
);
pub const TRANSPARENCY_TITLE: Text = Text::new("Minh bạch dữ liệu — Cửa sổ số", "Data transparency — Cửa sổ số");
pub const TRANSPARENCY_DESCRIPTION: Text = Text::new(
    "Cửa sổ số đang có gì về từng tỉnh, thành phố: thủ tục riêng của tỉnh, địa chỉ trung tâm phục vụ hành chính công, đường dây nóng, số điện thoại của xã, phường, điểm hỗ trợ.",
    "What Cửa sổ số holds for each province: the province's own procedures, the addresses of its public administrative service centres, hotlines, and the phone numbers of communes, wards and support points.",
);

#[cfg(test)]
mod tests {
    use super::*;
    use cuaso_catalogue::lang::Lang;

    #[test]
    fn names_stay_as_published_and_the_words_around_them_change_language() {
        let m = procedure("Đăng ký khai sinh", "1.001193");
        assert_eq!(m.title.get(Lang::Vi), "Đăng ký khai sinh — Cửa sổ số");
        assert_eq!(m.title.get(Lang::En), m.title.get(Lang::Vi));
        assert!(m.description.get(Lang::Vi).contains("thành phần hồ sơ"));
        assert!(m.description.get(Lang::En).starts_with("Đăng ký khai sinh (1.001193): documents"));
        let p = province("Thành phố Đà Nẵng", 94);
        assert!(p.description.get(Lang::En).contains("94 communes"));
        assert!(p.description.get(Lang::Vi).contains("94 xã"));
        let c = commune("Phường Hải Châu", "Thành phố Đà Nẵng");
        assert_eq!(c.title.get(Lang::Vi), "Phường Hải Châu, Thành phố Đà Nẵng — Cửa sổ số");
        assert!(c.description.get(Lang::En).contains("former units"));
        let k = catalogue_procedure("Cấp phép", "2.000001");
        assert!(k.description.get(Lang::En).contains("National Public Service Portal"));
        assert_ne!(TRANSPARENCY_TITLE.en, TRANSPARENCY_TITLE.vi);
        let search = Text::new("Tìm kiếm", "Search");
        assert_eq!(query_title(search, "  ").get(Lang::En), "Search — Cửa sổ số");
        assert_eq!(query_title(search, " khai sinh ").get(Lang::Vi), "“khai sinh” — Tìm kiếm — Cửa sổ số");
    }
}
