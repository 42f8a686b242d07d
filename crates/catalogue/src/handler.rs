//! Who handles a procedure — and so where a citizen goes — from the agencies,
//! field and authority its source publishes.
//!
//! A procedure "done at commune level" (cấp xã) is not always received by the
//! commune's Public Administrative Service Centre: customs procedures are done
//! by a customs branch, tax ones by the local tax office, residence and vehicle
//! registration by the commune police, many land ones by the land registration
//! office. [`handler`] reads the published agencies; when they name the
//! commune People's Committee (or its centre) it is the commune centre, even if
//! a specialised office also takes part (the centre receives and forwards).
//! When the source names no agency and neither field nor authority settles it,
//! the answer is [`Handler::Unsure`], said as such — never a guess.
//!
//! Rules, in order (on accent-free lower-case text, [`crate::text::fold`]):
//! 1. an agency is the commune People's Committee, its chairman or its centre → [`Handler::CommuneCentre`];
//! 2. an agency or the field is customs (hải quan) → [`Handler::Customs`];
//! 3. an agency or the field is tax (thuế) → [`Handler::Tax`];
//! 4. an agency is the police (công an, cảnh sát), or no agency is named and
//!    the authority is the Ministry of Public Security → [`Handler::Police`];
//! 5. an agency is a land registration office → [`Handler::LandRegistration`];
//! 6. any other agency is named → [`Handler::Other`];
//! 7. nothing named → [`Handler::Unsure`].

use crate::lang::Text;
use crate::model::{Agencies, Procedure};
use crate::text::fold;
use serde::{Deserialize, Serialize};

/// Who receives and handles a procedure.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Handler {
    /// Ủy ban nhân dân cấp xã, through its Trung tâm Phục vụ hành chính công.
    CommuneCentre,
    /// Cơ quan thuế (thuế cơ sở, thuế tỉnh).
    Tax,
    /// Cơ quan hải quan (chi cục hải quan khu vực, hải quan cửa khẩu).
    Customs,
    /// Công an (công an cấp xã, công an tỉnh).
    Police,
    /// Văn phòng đăng ký đất đai and its branches.
    LandRegistration,
    /// Another body the source names: social insurance, treasury, court,
    /// notary, a provincial department…
    Other,
    /// The source names no agency: not known from this catalogue. The
    /// default, so that an index written before handlers existed claims nothing.
    #[default]
    Unsure,
}

impl Handler {
    /// Every handler, in the order a page lists them.
    pub const ALL: [Handler; 7] = [
        Handler::CommuneCentre,
        Handler::Tax,
        Handler::Customs,
        Handler::Police,
        Handler::LandRegistration,
        Handler::Other,
        Handler::Unsure,
    ];

    /// Its name for people, in both languages.
    pub fn label(self) -> Text {
        match self {
            Self::CommuneCentre => {
                Text::new("Trung tâm Phục vụ hành chính công cấp xã", "Commune Public Administrative Service Centre")
            }
            Self::Tax => Text::new("Cơ quan thuế", "Tax office"),
            Self::Customs => Text::new("Cơ quan hải quan", "Customs office"),
            Self::Police => Text::new("Công an", "Police"),
            Self::LandRegistration => Text::new("Văn phòng đăng ký đất đai", "Land registration office"),
            Self::Other => Text::new("Cơ quan chuyên ngành khác", "Another specialised body"),
            Self::Unsure => Text::new("Chưa rõ nơi tiếp nhận", "Where it is received is unclear"),
        }
    }
}

fn any(text: &str, needles: &[&str]) -> bool {
    needles.iter().any(|n| text.contains(n))
}

/// The folded names of the agencies a source publishes, joined.
fn agency_text(a: &Agencies) -> String {
    [&a.implementing, &a.competent, &a.authorised]
        .into_iter()
        .flatten()
        .map(|s| fold(s))
        .collect::<Vec<_>>()
        .join(" | ")
}

/// Who handles a procedure with these published agencies, field and authority.
pub fn handler_of(agencies: &Agencies, field: &str, authority: &str) -> Handler {
    let a = agency_text(agencies);
    let field = fold(field);
    const COMMUNE: &[&str] = &[
        "uy ban nhan dan xa",
        "uy ban nhan dan cap xa",
        "ubnd xa",
        "ubnd cap xa",
        "trung tam phuc vu hanh chinh cong",
    ];
    if any(&a, COMMUNE) {
        return Handler::CommuneCentre;
    }
    if a.contains("hai quan") || field == "hai quan" {
        return Handler::Customs;
    }
    // "thuê" (rent) folds to "thue" too: match tax offices by name, and the field exactly.
    if any(&a, &["cuc thue", "chi cuc thue", "thue co so", "thue tinh", "co quan thue"])
        || field == "thue"
        || field.starts_with("quan li thue")
    {
        return Handler::Tax;
    }
    if any(&a, &["cong an", "canh sat"]) || (a.is_empty() && fold(authority) == "bo cong an") {
        return Handler::Police;
    }
    if a.contains("van phong dang ki dat dai") {
        return Handler::LandRegistration;
    }
    if !a.is_empty() {
        return Handler::Other;
    }
    Handler::Unsure
}

/// [`handler_of`] a procedure.
pub fn handler(p: &Procedure) -> Handler {
    handler_of(&p.agencies, &p.field, &p.authority)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn implementing(s: &str) -> Agencies {
        Agencies { implementing: Some(s.into()), ..Agencies::default() }
    }

    /// Agencies as the crawl publishes them for commune-level procedures.
    #[test]
    fn published_agencies_name_the_handler() {
        use Handler::*;
        for (agencies, field, authority, want) in [
            ("Chi cục Hải quan khu vực", "Hải quan", "Bộ Tài chính", Customs),
            ("Hải quan cửa khẩu, Hải quan ngoài cửa khẩu", "Hải quan", "Bộ Tài chính", Customs),
            ("Thuế tỉnh, thành phố, Thuế cơ sở", "Thuế", "Bộ Tài chính", Tax),
            ("Cục Thuế - Bộ tài chính, Thuế tỉnh, thành phố, Thuế cơ sở", "Thuế", "Bộ Tài chính", Tax),
            ("Công an cấp Xã", "Đăng ký, quản lý cư trú", "Bộ Công an", Police),
            (
                "Cục cảnh sát giao thông, Công an tỉnh, Công an cấp Xã",
                "Đăng ký, quản lý phương tiện",
                "Bộ Công an",
                Police,
            ),
            (
                "Chi nhánh Văn phòng đăng ký đất đai, Văn phòng đăng ký đất đai",
                "Đất đai",
                "Bộ Nông nghiệp và Môi trường",
                LandRegistration,
            ),
            // The commune committee takes part: its centre receives, and forwards.
            (
                "Văn phòng đăng ký đất đai, Chủ tịch Ủy ban nhân dân xã, Chi nhánh Văn phòng đăng ký đất đai",
                "Đất đai",
                "Bộ Nông nghiệp và Môi trường",
                CommuneCentre,
            ),
            ("Ủy ban Nhân dân xã, phường, thị trấn.", "Hộ tịch", "Bộ Tư pháp", CommuneCentre),
            (
                "Chủ tịch UBND cấp xã, Cơ quan quản lý đất đai cấp xã",
                "Đất đai",
                "Bộ Nông nghiệp và Môi trường",
                CommuneCentre,
            ),
            (
                "Sở Xây dựng, Uỷ ban Nhân dân cấp xã, phường, thị trấn",
                "Hàng hải và đường thủy nội địa",
                "Bộ Xây dựng",
                CommuneCentre,
            ),
            ("Bảo hiểm xã hội cấp Tỉnh, Bảo hiểm xã hội cấp huyện", "Thực hiện chính sách BHXH", "Bộ Tài chính", Other),
            ("Kho bạc nhà nước các cấp", "Kho bạc Nhà nước", "Bộ Tài chính", Other),
            ("Tổ chức hành nghề công chứng", "Chứng thực", "Bộ Tư pháp", Other),
        ] {
            assert_eq!(handler_of(&implementing(agencies), field, authority), want, "{agencies}");
        }
    }

    #[test]
    fn without_agencies_only_field_or_authority_decide_else_unsure() {
        let none = Agencies::default();
        assert_eq!(handler_of(&none, "Thuế", "Bộ Tài chính"), Handler::Tax);
        assert_eq!(handler_of(&none, "Hải quan", "Bộ Tài chính"), Handler::Customs);
        assert_eq!(handler_of(&none, "Cấp, quản lý căn cước", "Bộ Công an"), Handler::Police);
        assert_eq!(handler_of(&none, "Hộ tịch", "Bộ Tư pháp"), Handler::Unsure, "not guessed");
        // "thuê" (to rent) is not "thuế" (tax).
        assert_eq!(handler_of(&implementing("Đơn vị cho thuê nhà"), "Nhà ở", "Bộ Xây dựng"), Handler::Other);
    }
}
