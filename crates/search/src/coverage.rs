//! What the catalogue does not hold, so that a search for it says so instead
//! of showing unrelated procedures as answers.
//!
//! The catalogue (see `tests/search/README.md`) holds the procedures of seven
//! ministries and branches: Public Security, Finance, Justice, Construction,
//! Agriculture & Environment, the State Bank and the People's Courts. The
//! topics below were found missing by checking the national portal's
//! everyday requests against it (the README's list of phrases left out of the
//! everyday names); each names who handles it. A query naming one of them
//! gets a [`Gap`] with its hits: the page says what the catalogue covers and
//! links the national portal's search. Related hits (authorising someone to
//! collect an unemployment benefit) are still shown, below the notice.

use crate::normalize;

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
pub const COVERS_VI: &str = "Danh mục này có thủ tục của Bộ Công an, Bộ Tài chính, Bộ Tư pháp, Bộ Xây dựng, \
Bộ Nông nghiệp và Môi trường, Ngân hàng Nhà nước và Tòa án nhân dân.";
pub const COVERS_EN: &str = "This catalogue holds the procedures of the Ministries of Public Security, Finance, \
Justice, Construction, Agriculture and Environment, the State Bank and the People's Courts.";

/// The national portal's search, which holds every ministry's procedures.
pub const PORTAL_SEARCH: &str = "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh.html";

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
    let q = format!(" {} ", normalize::key(crate::query::cap(query, crate::MAX_QUERY_CHARS)));
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
