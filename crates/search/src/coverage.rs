//! What the catalogue does not hold, so that a search for it says so instead
//! of showing unrelated procedures as answers.
//!
//! The topics below are everyday requests that the crawl of seven ministries
//! lacked (the README's list of phrases left out of the everyday names); each
//! names who handles it. Since the portal's whole July 2026 catalogue is merged
//! most of them are held, so a topic counts as a gap only when no hit of the
//! query names it ([`crate::Engine::find`]): then the query gets its [`Gap`],
//! and the page says that Cửa sổ số's catalogue has no procedure on it and
//! links the national portal. When hits name it, they are the answers.

use cuaso_catalogue::text;

/// A topic the catalogue lacks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Gap {
    /// Accent-free word sequences that name it.
    pub phrases: &'static [&'static str],
    /// The topic, Vietnamese then English.
    pub vi: &'static str,
    pub en: &'static str,
    /// Who handles it, Vietnamese then English.
    pub by_vi: &'static str,
    pub by_en: &'static str,
}

/// What the catalogue covers, for the notice.
pub const COVERS_VI: &str = "Danh mục của Cửa sổ số lấy từ danh mục thủ tục của Cổng Dịch vụ công quốc gia \
(tháng 7/2026), có chi tiết đầy đủ cho thủ tục của bảy bộ, ngành.";
pub const COVERS_EN: &str = "Cửa sổ số's catalogue comes from the National Public Service Portal's list of \
procedures (July 2026), with full details for those of seven ministries and branches.";

/// The national portal, whose search holds every procedure it publishes.
pub const PORTAL_SEARCH: &str = "https://dichvucong.gov.vn/";

const HOME: (&str, &str) = ("Bộ Nội vụ", "the Ministry of Home Affairs");
const HEALTH: (&str, &str) = ("Bộ Y tế", "the Ministry of Health");
const DEFENCE: (&str, &str) = ("Bộ Quốc phòng", "the Ministry of Defence");
const EDUCATION: (&str, &str) = ("Bộ Giáo dục và Đào tạo", "the Ministry of Education and Training");

const fn gap(
    phrases: &'static [&'static str],
    vi: &'static str,
    en: &'static str,
    by: (&'static str, &'static str),
) -> Gap {
    Gap { phrases, vi, en, by_vi: by.0, by_en: by.1 }
}

/// The topics, from `tests/search/README.md` ("left out").
pub const GAPS: [Gap; 9] = [
    gap(
        &["tro cap that nghiep", "bao hiem that nghiep", "unemployment"],
        "trợ cấp thất nghiệp",
        "unemployment benefit",
        HOME,
    ),
    gap(&["luong huu", "nghi huu", "pension"], "lương hưu", "retirement pension", HOME),
    gap(&["giay phep lao dong", "work permit"], "giấy phép lao động", "work permit", HOME),
    gap(
        &["thuong binh", "liet si", "nguoi co cong"],
        "chế độ người có công",
        "benefits for war veterans and martyrs' families",
        HOME,
    ),
    gap(
        &["nguoi cao tuoi", "nguoi khuyet tat", "bao tro xa hoi", "giay chung sinh", "kham suc khoe"],
        "trợ cấp xã hội, y tế",
        "social allowances and health certificates",
        HEALTH,
    ),
    gap(&["nghia vu quan su", "military service"], "nghĩa vụ quân sự", "military service", DEFENCE),
    gap(
        &["hoc ba", "bang tot nghiep", "chuyen truong", "diploma"],
        "học bạ, văn bằng, chuyển trường",
        "school records, diplomas, changing school",
        EDUCATION,
    ),
    gap(
        &["ly hon", "divorce"],
        "ly hôn",
        "divorce",
        (
            "Tòa án nhân dân (vụ việc, không phải thủ tục hành chính)",
            "the People's Courts (a court case, not an administrative procedure)",
        ),
    ),
    gap(
        &["karaoke", "an toan thuc pham", "food safety"],
        "giấy phép karaoke, an toàn thực phẩm",
        "karaoke and food-safety licences",
        ("Bộ Văn hóa, Bộ Y tế, Bộ Công Thương", "the Ministries of Culture, Health, Industry and Trade"),
    ),
];

/// The gap the query names, if any: one of its phrases appears in it as
/// whole words (accent-free).
pub fn gap_of(query: &str) -> Option<&'static Gap> {
    let q = format!(" {} ", text::fold(crate::query::cap(query, crate::MAX_QUERY_CHARS)));
    GAPS.iter().find(|g| g.phrases.iter().any(|p| q.contains(&format!(" {p} "))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gaps_by_whole_words() {
        assert_eq!(gap_of("thu tuc xin tro cap that nghiep").map(|g| g.en), Some("unemployment benefit"));
        assert_eq!(gap_of("Trợ cấp thất nghiệp").map(|g| g.en), Some("unemployment benefit"));
        assert_eq!(gap_of("lam luong huu"), GAPS.get(1));
        assert_eq!(gap_of("dang ky khai sinh"), None);
        // Not inside another word.
        assert_eq!(gap_of("ly honda"), None);
    }
}
