//! Thành phần hồ sơ arranged for a citizen: what everyone brings first.
//!
//! The portal lists a procedure's documents in its own order, and mixes into
//! them guidance that is no document at all: on 1.001193 (birth registration) the
//! list opens with the case of an abandoned child, the declaration form everyone
//! needs comes last, and 19 of its rows are notes printed as "0 bản chính, 0 bản
//! sao". [`arrange`] keeps every word the portal wrote and changes only where it
//! goes:
//!
//! - A row with no count (0 originals, 0 copies) that reads as guidance — it opens
//!   with a case or a rule ("Trường hợp…", "Đối với…", "Người tiếp nhận…", "Lưu
//!   ý:"), or ends with a colon (a sub-heading) — is a **note** of its group. A
//!   row with no count that names a paper ("Tờ khai hải quan: 02 bản") stays a
//!   document, shown without a count.
//! - A group headed "Lưu ý" / "Ghi chú" holds notes only.
//! - A document whose name opens with its case ("Trường hợp trẻ em bị bỏ rơi thì
//!   phải có…", "Đối với…", "Nếu…") is [`Document::conditional`]; so is every
//!   document of a group whose heading is a case ("Trường hợp ủy quyền…").
//! - Within a group, documents everyone brings come first, a form (a declaration,
//!   an application) before the rest; then the conditional ones; each in the
//!   portal's order otherwise.
//! - Groups: first those with a form everyone fills in, then those with other
//!   documents everyone brings, then case groups, then groups of notes only.

use cuaso_catalogue::model::{Document, DocumentGroup, Parsed};

/// How a row or a heading opens when it states a case rather than names a paper.
const CASE_OPENINGS: &[&str] = &["trường hợp", "trong trường hợp", "đối với", "nếu", "riêng"];

/// How a row opens when it is guidance: a case, or a rule about the file.
const NOTE_OPENINGS: &[&str] = &[
    "trường hợp",
    "trong trường hợp",
    "đối với",
    "nếu",
    "riêng",
    "lưu ý",
    "ghi chú",
    "chú ý",
    "người ",
    "cá nhân có quyền",
    "cơ quan",
    "số lượng",
    "việc ",
    "khi ",
    "chậm nhất",
    "thành phần hồ sơ",
    "bản chụp",
    "không quy định",
    "mỗi ",
    "hồ sơ được",
    "hồ sơ có thể",
];

/// How the name of a form everyone fills in opens.
const FORM_OPENINGS: &[&str] = &["tờ khai", "đơn ", "đơn đề nghị", "mẫu ", "phiếu ", "văn bản đề nghị", "bản khai"];

/// Headings whose group is notes only.
const NOTE_HEADINGS: &[&str] = &["lưu ý", "ghi chú", "chú ý"];

/// The opening of `s`, lower-cased, without list markers: `- `, `* `, `(`, `)`,
/// `a) `, `1. `, `2/ `.
fn opening(s: &str) -> String {
    let mut t = s.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '*' | '+' | '(' | ')' | '•'));
    // `a) `, `b) `, `1. `, `2/ `: a short marker before a space.
    if let Some((marker, rest)) = t.split_once(' ') {
        let m = marker.trim_end_matches(['.', ')', '/']);
        if marker.len() > m.len() && m.chars().count() <= 2 && m.chars().all(|c| c.is_alphanumeric()) {
            t = rest.trim_start();
        }
    }
    t.chars().take(40).collect::<String>().to_lowercase()
}

fn opens_with(s: &str, openings: &[&str]) -> bool {
    let o = opening(s);
    openings.iter().any(|w| o.starts_with(w))
}

/// A row with no count that is guidance rather than a paper to bring.
pub fn is_note(d: &Document) -> bool {
    d.originals == 0 && d.copies == 0 && (opens_with(&d.name, NOTE_OPENINGS) || d.name.trim_end().ends_with(':'))
}

fn is_form(d: &Document) -> bool {
    d.form.is_some() || opens_with(&d.name, FORM_OPENINGS)
}

/// Arranges one procedure's documents (see the module docs). Text and "not
/// published" pass through unchanged.
pub fn arrange(documents: Parsed<Vec<DocumentGroup>>) -> Parsed<Vec<DocumentGroup>> {
    match documents {
        Parsed::Parsed(groups) => Parsed::Parsed(arrange_groups(groups)),
        other => other,
    }
}

fn arrange_groups(groups: Vec<DocumentGroup>) -> Vec<DocumentGroup> {
    let mut out: Vec<(u8, DocumentGroup)> = groups
        .into_iter()
        .map(|g| {
            let heading_is_note = g.heading.as_deref().is_some_and(|h| opens_with(h, NOTE_HEADINGS));
            let heading_is_case = g.heading.as_deref().is_some_and(|h| opens_with(h, CASE_OPENINGS));
            let mut notes = g.notes;
            let mut documents = Vec::new();
            for mut d in g.documents {
                if heading_is_note && d.originals == 0 && d.copies == 0 || is_note(&d) {
                    notes.push(d.name);
                } else {
                    d.conditional = d.conditional || heading_is_case || opens_with(&d.name, CASE_OPENINGS);
                    documents.push(d);
                }
            }
            // Stable: everyone's forms, everyone's other papers, then the cases.
            documents.sort_by_key(|d| (d.conditional, !is_form(d)));
            let rank = if documents.iter().any(|d| !d.conditional && is_form(d)) {
                0
            } else if documents.iter().any(|d| !d.conditional) {
                1
            } else if !documents.is_empty() {
                2
            } else {
                3
            };
            (rank, DocumentGroup { heading: g.heading, documents, notes })
        })
        .collect();
    out.sort_by_key(|(rank, _)| *rank);
    out.into_iter().map(|(_, g)| g).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(name: &str, originals: u32) -> Document {
        Document { name: name.into(), form: None, originals, copies: 0, conditional: false }
    }

    fn group(heading: Option<&str>, documents: Vec<Document>) -> DocumentGroup {
        DocumentGroup { heading: heading.map(String::from), documents, notes: Vec::new() }
    }

    fn names(g: &DocumentGroup) -> Vec<&str> {
        g.documents.iter().map(|d| d.name.as_str()).collect()
    }

    /// The shape of 1.001193: case first, form last under no heading, notes as documents.
    #[test]
    fn birth_registration_shape() {
        let groups = vec![
            group(
                Some("Giấy tờ phải nộp"),
                vec![
                    doc("Trường hợp trẻ em bị bỏ rơi thì phải có biên bản…", 1),
                    doc("Trường hợp người yêu cầu đã nộp bản điện tử Giấy chứng sinh…", 0),
                    doc("Giấy chứng sinh; trường hợp không có Giấy chứng sinh thì…", 1),
                ],
            ),
            group(Some("Lưu ý"), vec![doc("Cá nhân có quyền lựa chọn…", 0), doc("Đối với việc xác định họ:", 0)]),
            group(
                None,
                vec![
                    doc("Người có yêu cầu đăng ký khai sinh thực hiện việc nộp/xuất trình…", 0),
                    doc("Tờ khai đăng ký khai sinh theo mẫu", 1),
                ],
            ),
        ];
        let out = arrange_groups(groups);
        assert_eq!(out[0].heading, None, "the group with the form everyone fills in comes first");
        assert_eq!(names(&out[0]), ["Tờ khai đăng ký khai sinh theo mẫu"]);
        assert_eq!(out[0].notes, ["Người có yêu cầu đăng ký khai sinh thực hiện việc nộp/xuất trình…"]);
        assert_eq!(out[1].heading.as_deref(), Some("Giấy tờ phải nộp"));
        assert_eq!(
            names(&out[1]),
            [
                "Giấy chứng sinh; trường hợp không có Giấy chứng sinh thì…",
                "Trường hợp trẻ em bị bỏ rơi thì phải có biên bản…"
            ]
        );
        assert!(!out[1].documents[0].conditional && out[1].documents[1].conditional);
        assert_eq!(out[1].notes.len(), 1, "a case with no count is a note");
        assert_eq!(out[2].heading.as_deref(), Some("Lưu ý"));
        assert!(out[2].documents.is_empty() && out[2].notes.len() == 2);
    }

    #[test]
    fn a_paper_without_a_count_stays_a_document() {
        let out = arrange_groups(vec![group(
            None,
            vec![doc("Tờ khai hải quan: 02 bản.", 0), doc("a) Tờ khai hàng hóa xuất khẩu;", 0)],
        )]);
        assert_eq!(out[0].documents.len(), 2);
        assert!(out[0].notes.is_empty());
    }

    #[test]
    fn a_case_heading_makes_its_documents_conditional() {
        let out = arrange_groups(vec![
            group(Some("Trường hợp ủy quyền thực hiện thủ tục"), vec![doc("Văn bản ủy quyền", 1)]),
            group(Some("Giấy tờ phải xuất trình"), vec![doc("Hộ chiếu", 1)]),
        ]);
        assert_eq!(out[0].heading.as_deref(), Some("Giấy tờ phải xuất trình"));
        assert!(out[1].documents[0].conditional);
    }

    #[test]
    fn list_markers_do_not_hide_an_opening() {
        assert_eq!(opening("- Trường hợp"), "trường hợp");
        assert_eq!(opening("(Trường hợp khai thác"), "trường hợp khai thác");
        assert_eq!(opening("a) Tờ khai"), "tờ khai");
        assert_eq!(opening("2/ Số lượng hồ sơ"), "số lượng hồ sơ");
        assert_eq!(opening("Đơn đề nghị"), "đơn đề nghị");
    }
}
