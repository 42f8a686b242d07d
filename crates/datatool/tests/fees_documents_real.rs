//! What a citizen reads as "free", "bring this" and "how long", checked over the
//! whole real crawl (`data/sources/procedures/dichvucong.jsonl.gz`) against the
//! portal's own text. Run with `--nocapture` for the counts.

use cuaso_catalogue::model::*;
use cuaso_data::documents;
use cuaso_data::procedures::{self, RawProcedure};
use std::path::Path;
use std::sync::OnceLock;

fn all() -> &'static [(RawProcedure, Procedure)] {
    static ALL: OnceLock<Vec<(RawProcedure, Procedure)>> = OnceLock::new();
    ALL.get_or_init(read)
}

fn read() -> Vec<(RawProcedure, Procedure)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/sources/procedures/dichvucong.jsonl.gz");
    let raw = procedures::read_source(&path).expect("the real source reads");
    raw.into_iter()
        .map(|r| {
            let p = procedures::to_procedure(&r, "dvc-2026").unwrap_or_else(|e| panic!("{}: {e}", r.ma_thu_tuc));
            (r, p)
        })
        .collect()
}

/// This test's own reading of "the text names a fee" (independent of the
/// parser's `names_fee`): "lệ phí", "Luật phí", a fee circular, "mức phí", an
/// amount in đồng.
fn mentions_fee(text: &str) -> bool {
    let t = text.to_lowercase();
    ["lệ phí", "luật phí", "tt-btc", "mức phí", "phí thẩm định", "giá dịch vụ"].iter().any(|w| t.contains(w))
        || t.match_indices(" đồng").any(|(i, _)| t[..i].ends_with(|c: char| c.is_ascii_digit()))
}

/// The remarks the portal glues to "Miễn phí(…)" in a channel table.
fn free_remarks(raw: &str) -> Vec<&str> {
    raw.match_indices("Miễn phí(").filter_map(|(i, m)| raw[i + m.len()..].split(')').next()).collect()
}

#[test]
fn no_channel_reads_free_beside_a_fee() {
    let mut free = 0;
    let mut may_apply = 0;
    let mut before = 0; // channels the previous parser showed as "Miễn phí (…fee…)" or Free
    for (raw, p) in all() {
        let Some(cs) = p.channels.as_parsed() else { continue };
        for c in cs {
            match &c.fee {
                Fee::Free => {
                    free += 1;
                    let note = c.note.as_deref().unwrap_or("");
                    assert!(!mentions_fee(note), "{}: {:?} shows free beside {note:?}", p.code, c.channel);
                }
                Fee::MayApply(t) => {
                    may_apply += 1;
                    assert!(t.starts_with("Miễn phí"), "{}: may-apply keeps the portal's text: {t}", p.code);
                }
                _ => {}
            }
        }
        // Every "Miễn phí(…)" whose remark names a fee is a may-apply channel.
        // (A remark that is only a waiver, "(Miễn lệ phí)", says free.)
        let waiver = |m: &str| {
            let m = m.trim().trim_end_matches('.').to_lowercase();
            ["miễn lệ phí", "không thu lệ phí", "không thu phí", "miễn phí"].contains(&m.as_str())
        };
        let fee_remarks =
            free_remarks(&raw.cach_thuc_thuc_hien).into_iter().filter(|m| mentions_fee(m) && !waiver(m)).count();
        before += fee_remarks;
        let shown = cs.iter().filter(|c| matches!(c.fee, Fee::MayApply(_))).count();
        assert!(shown >= fee_remarks, "{}: {fee_remarks} fee remarks, {shown} may-apply channels", p.code);
    }
    println!("channels: {free} free, {may_apply} fees may apply; {before} 'Miễn phí(' remarks naming a fee");
    assert!(may_apply >= 689, "the issue counted 689 such channels; found {may_apply}");
}

#[test]
fn the_land_transfer_is_never_free() {
    let all = all();
    let (_, p) = all.iter().find(|(_, p)| p.code.as_str() == "1.013831").expect("1.013831 is in the crawl");
    let cs = p.channels.as_parsed().expect("channels parse");
    assert_eq!(cs.len(), 3);
    for c in cs {
        assert!(matches!(&c.fee, Fee::MayApply(t) if t.contains("Luật phí và lệ phí")), "{c:?}");
    }
    // The portal prints 4 days by post against 18 online and in person: its text, kept.
    let times: Vec<_> = cs.iter().map(|c| (c.channel, c.time_limit.as_deref())).collect();
    assert_eq!(
        times,
        [
            (Channel::Online, Some("18 Ngày làm việc")),
            (Channel::Post, Some("4 Ngày làm việc")),
            (Channel::InPerson, Some("18 Ngày làm việc"))
        ]
    );
}

#[test]
fn times_match_the_portal_text_on_a_kept_sample() {
    let all = all();
    let mut bare = 0;
    let mut checked = 0;
    for (i, (raw, p)) in all.iter().enumerate() {
        let Some(cs) = p.channels.as_parsed() else { continue };
        bare += cs
            .iter()
            .filter(|c| c.time_limit.as_deref().is_some_and(|t| t.bytes().all(|b| b.is_ascii_digit())))
            .count();
        // Every 25th record (106 of them): each channel's time appears in the
        // portal's text right after the channel's name, as the page shows it.
        if i % 25 != 0 {
            continue;
        }
        for c in cs {
            let Some(t) = c.time_limit.as_deref() else { continue };
            let label = match c.channel {
                Channel::Online => "Trực tuyến",
                Channel::Post => "Dịch vụ bưu chính",
                Channel::InPerson => "Trực tiếp",
            };
            let glued = format!("{label}{t}");
            let spaced = format!("{label} {t}");
            let text = raw.cach_thuc_thuc_hien.replace(['\u{a0}', '\n'], " ");
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(
                text.contains(&glued) || text.contains(&spaced),
                "{}: {label} {t:?} not in the portal's text",
                p.code
            );
            checked += 1;
        }
    }
    println!("time limits: {bare} bare numbers (shown as 'đơn vị chưa ghi'); {checked} channel times checked against the source");
    assert!(checked > 150);
}

#[test]
fn documents_are_documents_and_everyone_s_come_first() {
    let all = all();
    let mut zero_shown_as_count = 0;
    let mut notes = 0;
    let mut uncounted = 0;
    let mut rows_before = 0;
    let mut rows_after = 0;
    for (raw, p) in all {
        if let Parsed::Parsed(parsed) = procedures::parse_documents(&raw.thanh_phan_ho_so) {
            rows_before += parsed.iter().map(|g| g.documents.len()).sum::<usize>();
            zero_shown_as_count +=
                parsed.iter().flat_map(|g| &g.documents).filter(|d| d.originals + d.copies == 0).count();
        }
        let Some(groups) = p.documents.as_parsed() else { continue };
        for g in groups {
            notes += g.notes.len();
            rows_after += g.documents.len() + g.notes.len();
            for d in &g.documents {
                assert!(!documents::is_note(d), "{}: a note is listed as a document: {}", p.code, d.name);
                uncounted += usize::from(d.originals + d.copies == 0);
            }
            // Within a group, nobody's case comes before what everyone brings.
            let first_case = g.documents.iter().position(|d| d.conditional).unwrap_or(g.documents.len());
            assert!(g.documents[first_case..].iter().all(|d| d.conditional), "{}: order in {:?}", p.code, g.heading);
        }
    }
    assert_eq!(rows_before, rows_after, "arranging keeps every row the portal wrote");
    println!(
        "documents: {zero_shown_as_count} rows had '0 bản chính, 0 bản sao'; now {notes} notes apart and {uncounted} documents shown without a count"
    );

    let (_, birth) = all.iter().find(|(_, p)| p.code.as_str() == "1.001193").expect("1.001193");
    let groups = birth.documents.as_parsed().expect("documents parse");
    let first = &groups[0].documents[0];
    assert!(first.name.starts_with("Tờ khai đăng ký khai sinh"), "the form everyone fills in leads: {}", first.name);
    assert!(!first.conditional);
    let abandoned =
        groups.iter().flat_map(|g| &g.documents).find(|d| d.name.contains("bị bỏ rơi")).expect("abandoned child");
    assert!(abandoned.conditional, "the abandoned-child case is a case");
    assert!(groups.last().unwrap().documents.is_empty(), "the notes come last: {:?}", groups.last().unwrap().heading);
}

/// The same rule on the portal's 502 structured records
/// (`data/sources/procedures/opengov-details.jsonl.gz`): a channel reads free
/// only when every amount the API lists is 0 and neither a fee's remark nor
/// the channel's description names a fee.
#[test]
fn no_structured_channel_reads_free_beside_a_fee() {
    use cuaso_data::structured;
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/sources").join(structured::FILE);
    let records = structured::read(&path).expect("the structured records read");
    assert_eq!(records.len(), 502);
    let (mut free, mut may_apply, mut charged, mut not_published) = (0, 0, 0, 0);
    for r in &records {
        let Parsed::Parsed(cs) = structured::channels(r) else { continue };
        assert_eq!(cs.len(), r.execution_methods.len(), "{}", r.code);
        for (c, m) in cs.iter().zip(&r.execution_methods) {
            match &c.fee {
                Fee::Free => {
                    free += 1;
                    let note = c.note.as_deref().unwrap_or("");
                    assert!(!mentions_fee(note), "{}: {:?} shows free beside {note:?}", r.code, c.channel);
                    for f in &m.fees {
                        assert_eq!(f.value, Some(0.0), "{}: free with an amount {:?}", r.code, f.value);
                        assert!(!mentions_fee(&f.description), "{}: free beside {:?}", r.code, f.description);
                    }
                }
                Fee::MayApply(_) => may_apply += 1,
                Fee::Charged(t) => {
                    charged += 1;
                    assert!(m.fees.iter().any(|f| f.value.is_some_and(|v| v > 0.0)), "{}: charged {t}", r.code);
                }
                Fee::NotPublished => not_published += 1,
            }
            // Any amount above 0 is charged, never free or "may apply".
            if m.fees.iter().any(|f| f.value.is_some_and(|v| v > 0.0)) {
                assert!(matches!(c.fee, Fee::Charged(_)), "{}: {:?}", r.code, c.fee);
            }
        }
    }
    println!(
        "structured channels: {free} free, {may_apply} fees may apply, {charged} charged, {not_published} not published"
    );
    assert!(free > 0 && may_apply > 0 && charged > 0, "{free} {may_apply} {charged}");
}
