//! The portal's structured procedure records (`data/sources/procedures/
//! opengov-details.jsonl.gz`, source `opengov-details-2026`): 502 records
//! straight from the National Public Service Portal's JSON API, with steps,
//! documents with their counts and forms, channels with time and fee, legal
//! basis, conditions, results and levels as fields, not flattened text.
//!
//! Read into the model field by field ([`details`]), never re-parsed from a
//! page, and with the crawl's rules of honesty:
//! - a channel's fee is [`Fee::Free`] only when every fee the API lists is 0,
//!   no fee remark says more than "none", and neither the remarks nor the
//!   channel's description name a fee ([`names_fee`]); a 0 with a remark is
//!   [`Fee::MayApply`] with the portal's words; an amount is [`Fee::Charged`];
//!   no fee listed, or no amount and no remark, is [`Fee::NotPublished`];
//! - a document's counts are the API's; 0 and 0 stays 0/0 (shown without a
//!   count); notes and documents are told apart by [`documents::arrange`];
//! - an empty field is [`Parsed::NotPublished`]; a channel whose kind or time
//!   unit the API gives as something we do not know makes the field
//!   [`Parsed::Text`] with the portal's values.
//!
//! **Merge** ([`apply`]), after the catalogue's merge:
//! - a procedure only the catalogue held (`catalogue_only`) becomes a full
//!   page: its catalogue fields stay (name, field, agencies, publisher, kind,
//!   official link — the same portal id), the structured fields and levels come
//!   from the record, `source` becomes `opengov-details-2026`, and
//!   `catalogue_only` false;
//! - a procedure the crawl of detail pages also holds keeps the crawl's record
//!   as users see it today, **every field**, and the two are compared field by
//!   field ([`CrossCheck`], printed under "Cross-checks"). Why the crawl wins
//!   for now: its fields have a tested reading (fees, documents, times on the
//!   whole crawl, `tests/fees_documents_real.rs`), a page shows one source and
//!   date (`Procedure::source`, with no per-field provenance in the format), and
//!   on the 77 shared records the structured one is not clearly better on any
//!   field as a whole: names, fields, channel kinds and fee kinds agree on all
//!   77, no structured field is parsed where the crawl's is text or missing,
//!   and where they differ (levels on 8, e.g. a "Cơ quan khác" only the crawl
//!   gives; time limits on 11; legal bases on 10, e.g. 66.18/2026/NQ-CP only the
//!   API lists; document counts on 3; agencies on 2) neither source says which
//!   is right. The disagreements are printed so that a reviewer can act on
//!   them, not hidden.
//! - a structured record whose code neither source lists is reported and
//!   dropped (none in the data).

use crate::documents;
use crate::procedures::{
    clean_block, clean_inline, heading_of, is_no_fee_remark, names_fee, parse_conditions, text_items,
};
use cuaso_catalogue::model::*;
use serde::{Deserialize, Deserializer};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Where the records are under `data/sources`.
pub const FILE: &str = "procedures/opengov-details.jsonl.gz";
/// Their id in `sources.json`.
pub const SOURCE: &str = "opengov-details-2026";

/// `null` as the type's default: the API writes `null` for many absent values.
fn nullable<'de, D: Deserializer<'de>, T: Default + Deserialize<'de>>(d: D) -> Result<T, D::Error> {
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}

/// A `{name, code}` pair of the API (fields, agencies, legal bases, results, target groups).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct Named {
    #[serde(deserialize_with = "nullable")]
    pub name: String,
    #[serde(deserialize_with = "nullable")]
    pub code: String,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct Step {
    #[serde(deserialize_with = "nullable")]
    pub name: String,
    #[serde(deserialize_with = "nullable")]
    pub description: String,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct FeeItem {
    /// `FEE`, `SERVICE_FEE`, `PRICE_LEVEL`.
    #[serde(rename = "type", deserialize_with = "nullable")]
    pub kind: String,
    /// The amount; `None` when the API gives none.
    pub value: Option<f64>,
    #[serde(deserialize_with = "nullable")]
    pub currency_name: String,
    #[serde(deserialize_with = "nullable")]
    pub description: String,
}

/// One channel (`executionMethods[]`).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Method {
    /// `ONLINE`, `POSTAL`, `DIRECT`.
    #[serde(deserialize_with = "nullable")]
    pub submission_method: String,
    /// A number, or free text ("Không quá 5 ngày làm việc").
    pub processing_time: serde_json::Value,
    /// `WORKING_DAY`, `DAY`, `HOUR`, `MONTH`, `OTHER` (no unit).
    #[serde(deserialize_with = "nullable")]
    pub processing_time_unit: String,
    #[serde(deserialize_with = "nullable")]
    pub description: String,
    #[serde(deserialize_with = "nullable")]
    pub fees: Vec<FeeItem>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct Attachment {
    #[serde(rename = "fileName", deserialize_with = "nullable")]
    pub file_name: String,
}

/// One document (`profileComponents[]`).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Component {
    #[serde(deserialize_with = "nullable")]
    pub name: String,
    #[serde(deserialize_with = "nullable")]
    pub original_qty: u32,
    #[serde(deserialize_with = "nullable")]
    pub copy_qty: u32,
    #[serde(deserialize_with = "nullable")]
    pub attachments: Vec<Attachment>,
}

/// A group of documents (`executionCases[]`): a heading and its documents.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Case {
    #[serde(deserialize_with = "nullable")]
    pub name: String,
    #[serde(deserialize_with = "nullable")]
    pub profile_components: Vec<Component>,
}

/// One structured record, as stored (the fields the data tool reads).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Record {
    /// Portal UUID (the same as the catalogue's).
    #[serde(deserialize_with = "nullable")]
    pub id: String,
    #[serde(deserialize_with = "nullable")]
    pub code: String,
    #[serde(deserialize_with = "nullable")]
    pub name: String,
    #[serde(rename = "type", deserialize_with = "nullable")]
    pub kind: String,
    /// Milliseconds since 1970.
    pub updated_at: Option<i64>,
    #[serde(deserialize_with = "nullable")]
    pub is_ward: bool,
    #[serde(deserialize_with = "nullable")]
    pub is_province: bool,
    #[serde(deserialize_with = "nullable")]
    pub is_ministry: bool,
    #[serde(deserialize_with = "nullable")]
    pub is_other_agency: bool,
    #[serde(deserialize_with = "nullable")]
    pub categories_details: Vec<Named>,
    #[serde(deserialize_with = "nullable")]
    pub subject_types_details: Vec<Named>,
    #[serde(deserialize_with = "nullable")]
    pub departments_executing: Vec<Named>,
    #[serde(deserialize_with = "nullable")]
    pub executing_agencies: String,
    #[serde(deserialize_with = "nullable")]
    pub departments_authority: Vec<Named>,
    #[serde(deserialize_with = "nullable")]
    pub departments_authorized: Vec<Named>,
    #[serde(deserialize_with = "nullable")]
    pub departments_coordinating: Vec<Named>,
    #[serde(deserialize_with = "nullable")]
    pub coordinating_agencies: String,
    #[serde(deserialize_with = "nullable")]
    pub department_promulgate_name: String,
    #[serde(deserialize_with = "nullable")]
    pub execution_steps: Vec<Step>,
    #[serde(deserialize_with = "nullable")]
    pub execution_methods: Vec<Method>,
    #[serde(deserialize_with = "nullable")]
    pub execution_cases: Vec<Case>,
    #[serde(deserialize_with = "nullable")]
    pub legal_basises_details: Vec<Named>,
    #[serde(deserialize_with = "nullable")]
    pub results_details: Vec<Named>,
    #[serde(deserialize_with = "nullable")]
    pub requirements_and_conditions: String,
}

pub fn read(path: &Path) -> Result<Vec<Record>, String> {
    crate::gz::read_json_lines(path)
}

/// The non-empty names, cleaned, each once, joined with "; ".
fn names(items: &[Named], extra: &str) -> Option<String> {
    let mut out: Vec<String> = Vec::new();
    for s in items.iter().map(|n| clean_inline(&n.name)).chain([clean_inline(extra)]).filter(|s| !s.is_empty()) {
        if !out.contains(&s) {
            out.push(s);
        }
    }
    (!out.is_empty()).then(|| out.join("; "))
}

/// The levels the record's flags give, in the crawl's order.
pub fn levels(r: &Record) -> Vec<Level> {
    [
        (r.is_ministry, Level::Ministry),
        (r.is_province, Level::Province),
        (r.is_ward, Level::Commune),
        (r.is_other_agency, Level::Other),
    ]
    .into_iter()
    .filter_map(|(on, l)| on.then_some(l))
    .collect()
}

fn channel_of(m: &str) -> Option<Channel> {
    Some(match m.trim() {
        "ONLINE" => Channel::Online,
        "POSTAL" => Channel::Post,
        "DIRECT" => Channel::InPerson,
        _ => return None,
    })
}

/// The unit as the portal prints it; `Some("")` for `OTHER` (no unit: the bare
/// number is kept, as the crawl keeps it); `None` for a unit we do not know.
fn unit_of(u: &str) -> Option<&'static str> {
    Some(match u.trim() {
        "WORKING_DAY" => "Ngày làm việc",
        "DAY" => "Ngày",
        "HOUR" => "Giờ",
        "MONTH" => "Tháng",
        "OTHER" | "" => "",
        _ => return None,
    })
}

/// A number as the portal writes it: `5`, `17.5`.
fn number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// An amount with thousands separators, as the crawl's pages print it (`1,500,000`).
fn amount(n: f64) -> String {
    if n.fract() != 0.0 || !(0.0..1e15).contains(&n) {
        return number(n);
    }
    let digits = format!("{}", n as i64);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The time limit: `None` when blank or 0 (nothing published); a known unit
/// after the number; free text as published. `Err` for a unit we do not know.
fn time_of(m: &Method) -> Result<Option<String>, ()> {
    let unit = unit_of(&m.processing_time_unit).ok_or(())?;
    let n = match &m.processing_time {
        serde_json::Value::Number(n) => n.as_f64(),
        serde_json::Value::String(s) => {
            let t = clean_inline(s);
            match t.parse::<f64>() {
                Ok(n) => Some(n),
                Err(_) if t.is_empty() => return Ok(None),
                // Free text ("Không quá 5 ngày làm việc"): as published.
                Err(_) => return Ok(Some(t)),
            }
        }
        _ => None,
    };
    Ok(match n {
        Some(n) if n > 0.0 => Some(if unit.is_empty() { number(n) } else { format!("{} {unit}", number(n)) }),
        _ => None,
    })
}

/// A channel's fee from the API's fee items (see the module docs).
pub fn fee_of(m: &Method) -> Fee {
    let note = clean_block(&m.description);
    let mut charged = Vec::new();
    let mut zero = false;
    let mut remarks: Vec<String> = Vec::new();
    for f in &m.fees {
        let desc = clean_inline(&f.description);
        let desc = (!desc.is_empty()).then_some(desc);
        match f.value {
            Some(v) if v > 0.0 => {
                let mut t = amount(v);
                let cur = clean_inline(&f.currency_name);
                if !cur.is_empty() {
                    t.push(' ');
                    t.push_str(&cur);
                }
                if let Some(d) = desc {
                    t.push_str(&format!(" ({d})"));
                }
                charged.push(t);
            }
            Some(_) => {
                zero = true;
                remarks.extend(desc.filter(|d| !is_no_fee_remark(d)));
            }
            None => remarks.extend(desc.filter(|d| !is_no_fee_remark(d))),
        }
    }
    remarks.dedup();
    if !charged.is_empty() {
        charged.extend(remarks);
        return Fee::Charged(charged.join("; "));
    }
    if zero {
        if remarks.is_empty() && !names_fee(&note) {
            return Fee::Free;
        }
        return Fee::MayApply(if remarks.is_empty() {
            "Miễn phí".to_string()
        } else {
            format!("Miễn phí ({})", remarks.join("; "))
        });
    }
    // No amount at all: a remark ("Hội đồng nhân dân cấp tỉnh quy định") says a
    // fee is set elsewhere; nothing at all is not published.
    if remarks.is_empty() {
        Fee::NotPublished
    } else {
        Fee::MayApply(remarks.join("; "))
    }
}

/// The channels; [`Parsed::Text`] with the portal's values when a kind or a
/// unit is one we do not know.
pub fn channels(r: &Record) -> Parsed<Vec<ChannelOption>> {
    if r.execution_methods.is_empty() {
        return Parsed::NotPublished;
    }
    let mut out = Vec::new();
    for m in &r.execution_methods {
        match (channel_of(&m.submission_method), time_of(m)) {
            (Some(channel), Ok(time_limit)) => {
                let note = clean_block(&m.description);
                let note = note.chars().any(char::is_alphanumeric).then_some(note);
                out.push(ChannelOption { channel, time_limit, fee: fee_of(m), note });
            }
            _ => {
                let lines: Vec<String> = r
                    .execution_methods
                    .iter()
                    .map(|m| {
                        let fees: Vec<String> = m
                            .fees
                            .iter()
                            .map(|f| {
                                let v = f.value.map(amount).unwrap_or_default();
                                clean_inline(&format!("{v} {} {}", f.currency_name, f.description))
                            })
                            .collect();
                        clean_inline(&format!(
                            "{} {} {}: {}; {}",
                            m.submission_method,
                            m.processing_time,
                            m.processing_time_unit,
                            fees.join("; "),
                            m.description
                        ))
                    })
                    .collect();
                return Parsed::Text(lines.join("\n"));
            }
        }
    }
    Parsed::Parsed(out)
}

/// The documents, by group, arranged by [`documents::arrange`].
pub fn documents(r: &Record) -> Parsed<Vec<DocumentGroup>> {
    let groups: Vec<DocumentGroup> = r
        .execution_cases
        .iter()
        .map(|c| DocumentGroup {
            heading: heading_of(&c.name),
            documents: c
                .profile_components
                .iter()
                .filter_map(|d| {
                    let name = clean_inline(&d.name);
                    let forms: Vec<String> =
                        d.attachments.iter().map(|a| clean_inline(&a.file_name)).filter(|f| !f.is_empty()).collect();
                    (!name.is_empty()).then(|| Document {
                        name,
                        form: (!forms.is_empty()).then(|| forms.join("; ")),
                        originals: d.original_qty,
                        copies: d.copy_qty,
                        conditional: false,
                    })
                })
                .collect(),
            notes: Vec::new(),
        })
        .filter(|g| !g.documents.is_empty())
        .collect();
    if groups.is_empty() {
        Parsed::NotPublished
    } else {
        documents::arrange(Parsed::Parsed(groups))
    }
}

/// The steps: each step's lines as items, a short step name ("Bước 1:")
/// before its first line, a long one as an item of its own.
pub fn steps(r: &Record) -> Parsed<Vec<String>> {
    let mut out = Vec::new();
    for s in &r.execution_steps {
        let name = clean_inline(&s.name);
        let mut items = text_items(&s.description);
        if !name.is_empty() {
            match items.first_mut() {
                Some(first) if name.chars().count() <= 12 => *first = format!("{name} {first}"),
                _ => items.insert(0, name),
            }
        }
        out.extend(items);
    }
    if out.is_empty() {
        Parsed::NotPublished
    } else {
        Parsed::Parsed(out)
    }
}

pub fn legal_basis(r: &Record) -> Parsed<Vec<LegalDoc>> {
    let docs: Vec<LegalDoc> = r
        .legal_basises_details
        .iter()
        .map(|l| LegalDoc { number: clean_inline(&l.code), title: clean_inline(&l.name) })
        .filter(|l| !l.number.is_empty() || !l.title.is_empty())
        .map(|l| if l.number.is_empty() { LegalDoc { number: l.title.clone(), ..l } } else { l })
        .collect();
    if docs.is_empty() {
        Parsed::NotPublished
    } else {
        Parsed::Parsed(docs)
    }
}

pub fn results(r: &Record) -> Parsed<Vec<ResultDoc>> {
    let out: Vec<ResultDoc> = r
        .results_details
        .iter()
        .filter_map(|x| {
            let name = clean_inline(&x.name);
            let code = clean_inline(&x.code);
            let code = (!code.is_empty() && !code.to_lowercase().starts_with("chưa xác định")).then_some(code);
            (!name.is_empty()).then_some(ResultDoc { name, code })
        })
        .collect();
    if out.is_empty() {
        Parsed::NotPublished
    } else {
        Parsed::Parsed(out)
    }
}

/// Fills a catalogue-only procedure's details from its structured record.
pub fn fill(p: &mut Procedure, r: &Record) {
    p.levels = levels(r);
    p.channels = channels(r);
    p.documents = documents(r);
    p.steps = steps(r);
    p.legal_basis = legal_basis(r);
    // Free text in the API too: read as the crawl's is ("Không" = none).
    p.conditions = parse_conditions(&r.requirements_and_conditions);
    p.results = results(r);
    if p.agencies.implementing.is_none() {
        p.agencies.implementing = names(&r.departments_executing, &r.executing_agencies);
    }
    p.agencies.competent = p.agencies.competent.take().or_else(|| names(&r.departments_authority, ""));
    p.agencies.authorised = p.agencies.authorised.take().or_else(|| names(&r.departments_authorized, ""));
    p.agencies.coordinating =
        p.agencies.coordinating.take().or_else(|| names(&r.departments_coordinating, &r.coordinating_agencies));
    if p.target_groups.is_empty() {
        p.target_groups =
            r.subject_types_details.iter().map(|n| clean_inline(&n.name)).filter(|s| !s.is_empty()).collect();
    }
    p.source = SOURCE.to_string();
    p.catalogue_only = false;
}

/// The fields compared where the crawl and a structured record hold one procedure.
pub const COMPARED: [&str; 10] = [
    "name",
    "levels",
    "field",
    "agencies",
    "channel count",
    "channel kinds",
    "time limits",
    "fee kinds",
    "document count",
    "legal basis numbers",
];

/// What [`apply`] did, and where the two sources disagree.
#[derive(Clone, Debug, Default)]
pub struct CrossCheck {
    /// Records read.
    pub records: usize,
    /// Catalogue-only procedures that became full pages.
    pub filled: usize,
    /// Codes the crawl also holds (compared, the crawl kept).
    pub both: usize,
    /// Records whose code no other source lists (dropped).
    pub unknown: Vec<String>,
    /// Per compared field: the codes where the two differ, each with a short
    /// description (`crawl … / structured …`). Every field of [`COMPARED`] is a key.
    pub disagreements: BTreeMap<&'static str, Vec<String>>,
    /// Per compared field: how many shared records could be compared on it
    /// (both sides published it).
    pub compared: BTreeMap<&'static str, usize>,
    /// Structured fields that would fill a crawl field left text or not published.
    pub would_fill: BTreeMap<&'static str, usize>,
}

fn fee_kind(f: &Fee) -> &'static str {
    match f {
        Fee::Free => "free",
        Fee::MayApply(_) => "may-apply",
        Fee::Charged(_) => "charged",
        Fee::NotPublished => "not-published",
    }
}

/// A time limit compared loosely: lower case, spaces and a leading zero
/// dropped ("05 Ngày làm việc" = "5 ngày làm việc").
fn time_key(t: &Option<String>) -> String {
    let t = t.as_deref().unwrap_or("").to_lowercase();
    let t: String = t.split_whitespace().collect::<Vec<_>>().join(" ");
    t.trim_start_matches('0').to_string()
}

fn doc_count(d: &Parsed<Vec<DocumentGroup>>) -> Option<usize> {
    d.as_parsed().map(|gs| gs.iter().map(|g| g.documents.len() + g.notes.len()).sum())
}

/// A name compared as text: folded, spaces collapsed, a final full stop or
/// semicolon dropped.
fn name_key(s: &str) -> String {
    cuaso_catalogue::text::fold(&clean_inline(s)).trim_end_matches(['.', ';', ' ']).to_string()
}

fn short(s: &str) -> String {
    let s = clean_inline(s);
    if s.chars().count() > 60 {
        format!("{}…", s.chars().take(60).collect::<String>())
    } else {
        s
    }
}

impl CrossCheck {
    fn note(&mut self, field: &'static str, code: &ProcedureCode, what: String) {
        self.disagreements.entry(field).or_default().push(format!("{code}: {what}"));
    }

    /// Compares a crawled procedure with its structured record.
    pub fn compare(&mut self, p: &Procedure, r: &Record) {
        let mut count = |f: &'static str| *self.compared.entry(f).or_default() += 1;
        count("name");
        count("levels");
        let mut diffs: Vec<(&'static str, String)> = Vec::new();
        if name_key(&p.name) != name_key(&r.name) {
            diffs.push(("name", format!("crawl {:?} / structured {:?}", short(&p.name), short(&r.name))));
        }
        let (a, b): (BTreeSet<Level>, BTreeSet<Level>) =
            (p.levels.iter().copied().collect(), levels(r).into_iter().collect());
        if a != b {
            diffs.push(("levels", format!("crawl {a:?} / structured {b:?}")));
        }
        let field = names(&r.categories_details, "").unwrap_or_default();
        if !p.field.is_empty() && !field.is_empty() {
            count("field");
            if name_key(&p.field) != name_key(&field) {
                diffs.push(("field", format!("crawl {:?} / structured {:?}", p.field, field)));
            }
        }
        let agencies = names(&r.departments_executing, &r.executing_agencies);
        if let (Some(c), Some(s)) = (&p.agencies.implementing, &agencies) {
            count("agencies");
            // The crawl joins agencies with ", ", the API lists them: compared as sets of names.
            let set = |x: &str| x.split([';', ',']).map(name_key).filter(|s| !s.is_empty()).collect::<BTreeSet<_>>();
            if set(c) != set(s) {
                diffs.push(("agencies", format!("crawl {:?} / structured {:?}", short(c), short(s))));
            }
        }
        if let (Some(cs), Parsed::Parsed(ss)) = (p.channels.as_parsed(), channels(r)) {
            count("channel count");
            count("channel kinds");
            if cs.len() != ss.len() {
                diffs.push(("channel count", format!("crawl {} / structured {}", cs.len(), ss.len())));
            }
            let kinds = |v: &[ChannelOption]| v.iter().map(|c| c.channel).collect::<BTreeSet<_>>();
            if kinds(cs) != kinds(&ss) {
                diffs.push(("channel kinds", format!("crawl {:?} / structured {:?}", kinds(cs), kinds(&ss))));
            }
            // Per channel kind both list, the first row of each.
            let (mut times, mut fees, mut timed, mut feed) = (Vec::new(), Vec::new(), false, false);
            for c in cs {
                let Some(s) = ss.iter().find(|s| s.channel == c.channel) else { continue };
                timed = true;
                feed = true;
                if time_key(&c.time_limit) != time_key(&s.time_limit) {
                    times.push(format!(
                        "{}: crawl {:?} / structured {:?}",
                        c.channel.label().vi,
                        c.time_limit.as_deref().unwrap_or("-"),
                        s.time_limit.as_deref().unwrap_or("-")
                    ));
                }
                if fee_kind(&c.fee) != fee_kind(&s.fee) {
                    fees.push(format!(
                        "{}: crawl {} / structured {}",
                        c.channel.label().vi,
                        fee_kind(&c.fee),
                        fee_kind(&s.fee)
                    ));
                }
            }
            if timed {
                count("time limits");
            }
            if feed {
                count("fee kinds");
            }
            if !times.is_empty() {
                diffs.push(("time limits", times.join("; ")));
            }
            if !fees.is_empty() {
                diffs.push(("fee kinds", fees.join("; ")));
            }
        }
        if let (Some(c), Some(s)) = (doc_count(&p.documents), doc_count(&documents(r))) {
            count("document count");
            if c != s {
                diffs.push(("document count", format!("crawl {c} / structured {s}")));
            }
        }
        if let (Some(c), Parsed::Parsed(s)) = (p.legal_basis.as_parsed(), legal_basis(r)) {
            count("legal basis numbers");
            let key = |n: &str| {
                // "Thông tư số 03/2023/TT-BTP" and "03/2023/TT-BTP" are one number.
                let n = clean_inline(n);
                let n = n.rsplit(' ').next().unwrap_or("").to_string();
                n.trim_end_matches(['.', ';']).to_uppercase()
            };
            let a: BTreeSet<String> = c.iter().map(|l| key(&l.number)).collect();
            let b: BTreeSet<String> = s.iter().map(|l| key(&l.number)).collect();
            if a != b {
                let only_c: Vec<_> = a.difference(&b).cloned().collect();
                let only_s: Vec<_> = b.difference(&a).cloned().collect();
                diffs.push((
                    "legal basis numbers",
                    format!(
                        "only crawl {} {:?} / only structured {} {:?}",
                        only_c.len(),
                        only_c.iter().take(3).collect::<Vec<_>>(),
                        only_s.len(),
                        only_s.iter().take(3).collect::<Vec<_>>()
                    ),
                ));
            }
        }
        for (f, what) in diffs {
            self.note(f, &p.code, what);
        }
        let mut fill = |f: &'static str, crawl_parsed: bool, structured_parsed: bool| {
            if !crawl_parsed && structured_parsed {
                *self.would_fill.entry(f).or_default() += 1;
            }
        };
        fill("channels", p.channels.as_parsed().is_some(), channels(r).as_parsed().is_some());
        fill("documents", p.documents.as_parsed().is_some(), documents(r).as_parsed().is_some());
        fill("legal_basis", p.legal_basis.as_parsed().is_some(), legal_basis(r).as_parsed().is_some());
        fill("results", p.results.as_parsed().is_some(), results(r).as_parsed().is_some());
    }
}

/// Applies the structured records to the merged procedures (see the module docs).
pub fn apply(procs: &mut [Procedure], records: &[Record]) -> CrossCheck {
    let mut report = CrossCheck { records: records.len(), ..CrossCheck::default() };
    for f in COMPARED {
        report.disagreements.insert(f, Vec::new());
        report.compared.insert(f, 0);
    }
    let index: BTreeMap<&str, usize> = procs.iter().enumerate().map(|(i, p)| (p.code.as_str(), i)).collect();
    let mut at = Vec::new();
    for r in records {
        match index.get(r.code.trim()) {
            Some(&i) => at.push((i, r)),
            None => report.unknown.push(r.code.trim().to_string()),
        }
    }
    for (i, r) in at {
        let p = &mut procs[i];
        if p.catalogue_only {
            fill(p, r);
            report.filled += 1;
        } else {
            report.both += 1;
            report.compare(p, r);
        }
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    fn method(fees: Vec<(Option<f64>, &str)>, description: &str) -> Method {
        Method {
            submission_method: "DIRECT".into(),
            processing_time: serde_json::json!(5),
            processing_time_unit: "WORKING_DAY".into(),
            description: description.into(),
            fees: fees
                .into_iter()
                .map(|(value, d)| FeeItem {
                    kind: "FEE".into(),
                    value,
                    currency_name: "Việt Nam Đồng".into(),
                    description: d.into(),
                })
                .collect(),
        }
    }

    #[test]
    fn fees_are_free_only_when_nothing_names_one() {
        assert_eq!(fee_of(&method(vec![(Some(0.0), "")], "")), Fee::Free);
        assert_eq!(fee_of(&method(vec![(Some(0.0), "Không")], "")), Fee::Free);
        assert_eq!(
            fee_of(&method(vec![(Some(0.0), "Hội đồng nhân dân cấp tỉnh quy định.")], "")),
            Fee::MayApply("Miễn phí (Hội đồng nhân dân cấp tỉnh quy định.)".into())
        );
        assert_eq!(
            fee_of(&method(vec![(Some(0.0), "")], "Nộp lệ phí khi nhận kết quả")),
            Fee::MayApply("Miễn phí".into())
        );
        assert_eq!(
            fee_of(&method(vec![(Some(30000.0), "Cấp mới")], "")),
            Fee::Charged("30,000 Việt Nam Đồng (Cấp mới)".into())
        );
        assert_eq!(fee_of(&method(vec![(None, "")], "")), Fee::NotPublished);
        assert_eq!(fee_of(&method(vec![], "")), Fee::NotPublished);
        assert_eq!(fee_of(&method(vec![(None, "Theo quy định")], "")), Fee::MayApply("Theo quy định".into()));
    }

    #[test]
    fn times_keep_what_is_published() {
        let mut m = method(vec![], "");
        assert_eq!(time_of(&m), Ok(Some("5 Ngày làm việc".into())));
        m.processing_time = serde_json::json!(17.5);
        assert_eq!(time_of(&m), Ok(Some("17.5 Ngày làm việc".into())));
        m.processing_time_unit = "OTHER".into();
        m.processing_time = serde_json::json!(1);
        assert_eq!(time_of(&m), Ok(Some("1".into())), "no unit: the bare number");
        m.processing_time = serde_json::json!("Không quá 5 ngày làm việc");
        assert_eq!(time_of(&m), Ok(Some("Không quá 5 ngày làm việc".into())));
        m.processing_time = serde_json::json!(0);
        assert_eq!(time_of(&m), Ok(None));
        m.processing_time_unit = "FORTNIGHT".into();
        assert_eq!(time_of(&m), Err(()));
        let r = Record { execution_methods: vec![m], ..Record::default() };
        assert!(matches!(channels(&r), Parsed::Text(_)));
    }

    #[test]
    fn documents_keep_counts_and_forms_and_are_arranged() {
        let r = Record {
            execution_cases: vec![Case {
                name: "* Giấy tờ phải nộp:".into(),
                profile_components: vec![
                    Component {
                        name: "Trường hợp … thì không phải nộp bản giấy.".into(), ..Component::default()
                    },
                    Component {
                        name: "Tờ khai đăng ký khai sinh".into(),
                        original_qty: 1,
                        attachments: vec![Attachment { file_name: "Mẫu 1.docx".into() }],
                        ..Component::default()
                    },
                ],
            }],
            ..Record::default()
        };
        let Parsed::Parsed(gs) = documents(&r) else { panic!() };
        assert_eq!(gs[0].heading.as_deref(), Some("Giấy tờ phải nộp"));
        assert_eq!(gs[0].documents.len(), 1);
        assert_eq!(gs[0].documents[0].form.as_deref(), Some("Mẫu 1.docx"));
        assert_eq!(gs[0].notes.len(), 1, "a case without a count is a note");
        assert_eq!(documents(&Record::default()), Parsed::NotPublished);
    }
}
