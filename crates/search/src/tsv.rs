//! The search records as two tab-separated files the data tool writes and the
//! search worker reads without a JSON decoder (crates/search-wasm):
//!
//! - [`CORE_FILE`]: provinces, communes and procedures — all a first query
//!   needs (names and codes);
//! - [`LEGACY_FILE`]: the 10,040 pre-2025 units, half of the bytes, loaded
//!   second (after the first results) or by the address page.
//!
//! One record per line, its kind first (`P` province, `C` commune, `T` thủ
//! tục, `L` legacy unit), fields separated by a tab, list items by U+001F;
//! levels and channels as one letter each. Records keep their order: a hit's
//! `record` is an index into them. Writing refuses a value holding a tab, a
//! line break or U+001F, so what is read is always what was written. A file
//! ends with `E` and its number of records: a file cut short (a dropped
//! connection, a full disk) is refused, never read as fewer records.

use crate::data::*;
use cuaso_catalogue::model::{Channel, Level};

pub const CORE_FILE: &str = "search-core.tsv";
pub const LEGACY_FILE: &str = "search-legacy.tsv";

const TAB: char = '\t';
const ITEM: char = '\u{1f}';

/// The core file's text (provinces, communes, procedures).
pub fn write_core(data: &SearchData) -> Result<String, String> {
    let mut out = Counted::default();
    for p in &data.provinces {
        line(&mut out, 'P', &[p.code.as_str(), &p.name, &p.short_name, &list(&p.merged_from)?])?;
    }
    for c in &data.communes {
        line(&mut out, 'C', &[c.code.as_str(), &c.name, c.province.as_str()])?;
    }
    for t in &data.procedures {
        let levels: String = t.levels.iter().map(|l| letter(&LEVELS, l)).collect();
        let channels: String = t.channels.iter().map(|c| letter(&CHANNELS, c)).collect();
        line(
            &mut out,
            'T',
            &[
                t.code.as_str(),
                &t.name,
                &t.field,
                &levels,
                &channels,
                &list(&t.everyday)?,
                t.name_en.as_deref().unwrap_or(""),
                &list(&t.aliases_en)?,
                t.province.as_ref().map_or("", |p| p.as_str()),
            ],
        )?;
    }
    Ok(out.end())
}

/// The legacy file's text (pre-2025 units).
pub fn write_legacy(data: &SearchData) -> Result<String, String> {
    let mut out = Counted::default();
    for l in &data.legacy {
        let targets: Vec<String> = l.targets.iter().map(|t| t.as_str().to_owned()).collect();
        let code = l.code.as_ref().map_or("", |c| c.as_str());
        line(&mut out, 'L', &[code, &l.name, &l.district, &l.province, &list(&targets)?])?;
    }
    Ok(out.end())
}

/// A file being written, and its number of records so far.
#[derive(Default)]
struct Counted {
    text: String,
    records: usize,
}

impl Counted {
    /// The text with its end line.
    fn end(mut self) -> String {
        self.text.push_str(&format!("{END}{TAB}{}\n", self.records));
        self.text
    }
}

/// The kind of a file's last line, followed by its number of records.
const END: char = 'E';

/// Reads either file (or both concatenated) into `data`, appending records
/// in their order. An error names the line; a text not ending with its end
/// line (one cut short) is an error. The empty text has no records.
pub fn read_into(data: &mut SearchData, text: &str) -> Result<(), String> {
    let (mut records, mut ended) = (0usize, true);
    for (i, row) in text.lines().enumerate() {
        let at = |e: String| format!("line {}: {e}", i + 1);
        if let Some(n) = row.strip_prefix(END).and_then(|r| r.strip_prefix(TAB)) {
            if n.parse() != Ok(records) {
                return Err(at(format!("the file says {n} records, {records} were read")));
            }
            (records, ended) = (0, true);
            continue;
        }
        if row.is_empty() {
            continue;
        }
        read_line(data, row).map_err(at)?;
        (records, ended) = (records + 1, false);
    }
    if !ended {
        return Err("the file is cut short: no end line".into());
    }
    Ok(())
}

/// Both files' records: `core` then `legacy` (either may be empty).
pub fn read(core: &str, legacy: &str) -> Result<SearchData, String> {
    let mut data = SearchData::default();
    read_into(&mut data, core)?;
    read_into(&mut data, legacy)?;
    Ok(data)
}

fn read_line(data: &mut SearchData, row: &str) -> Result<(), String> {
    let (kind, rest) = row.split_once(TAB).ok_or("no fields")?;
    let f: Vec<&str> = rest.split(TAB).collect();
    let want = |n: usize| if f.len() == n { Ok(()) } else { Err(format!("{kind}: {} fields, want {n}", f.len())) };
    match kind {
        "P" => {
            want(4)?;
            data.provinces.push(ProvinceRec {
                code: code(f[0])?,
                name: f[1].to_owned(),
                short_name: f[2].to_owned(),
                merged_from: items(f[3]),
            });
        }
        "C" => {
            want(3)?;
            data.communes.push(CommuneRec { code: code(f[0])?, name: f[1].to_owned(), province: code(f[2])? });
        }
        "T" => {
            want(9)?;
            data.procedures.push(ProcedureRec {
                code: code(f[0])?,
                name: f[1].to_owned(),
                field: f[2].to_owned(),
                levels: f[3].chars().map(|c| from_letter(&LEVELS, "level", c)).collect::<Result<_, _>>()?,
                channels: f[4].chars().map(|c| from_letter(&CHANNELS, "channel", c)).collect::<Result<_, _>>()?,
                everyday: items(f[5]),
                name_en: (!f[6].is_empty()).then(|| f[6].to_owned()),
                aliases_en: items(f[7]),
                province: (!f[8].is_empty()).then(|| code(f[8])).transpose()?,
            });
        }
        "L" => {
            want(5)?;
            data.legacy.push(LegacyRec {
                code: (!f[0].is_empty()).then(|| code(f[0])).transpose()?,
                name: f[1].to_owned(),
                district: f[2].to_owned(),
                province: f[3].to_owned(),
                targets: items(f[4]).iter().map(|t| code(t)).collect::<Result<_, _>>()?,
            });
        }
        other => return Err(format!("unknown record kind {other:?}")),
    }
    Ok(())
}

fn code<C: TryFrom<String>>(s: &str) -> Result<C, String>
where
    C::Error: std::fmt::Display,
{
    C::try_from(s.to_owned()).map_err(|e| e.to_string())
}

fn items(s: &str) -> Vec<String> {
    if s.is_empty() {
        Vec::new()
    } else {
        s.split(ITEM).map(str::to_owned).collect()
    }
}

fn list(values: &[String]) -> Result<String, String> {
    if let Some(v) = values.iter().find(|v| v.is_empty() || v.contains(ITEM)) {
        return Err(format!("a list item cannot be empty or hold U+001F: {v:?}"));
    }
    Ok(values.join(&ITEM.to_string()))
}

fn line(counted: &mut Counted, kind: char, fields: &[&str]) -> Result<(), String> {
    counted.records += 1;
    let out = &mut counted.text;
    out.push(kind);
    for (i, f) in fields.iter().enumerate() {
        // The joined lists were checked item by item; a separator in a plain field is not allowed.
        let bad = |c: char| c == TAB || c == '\n' || c == '\r' || (c == ITEM && !is_list(kind, i));
        if f.contains(bad) {
            return Err(format!("{kind} record {:?}: field {} holds a tab, a line break or U+001F", fields[0], i + 1));
        }
        out.push(TAB);
        out.push_str(f);
    }
    out.push('\n');
    Ok(())
}

/// Whether field `i` of a `kind` record is a list (joined with U+001F).
fn is_list(kind: char, i: usize) -> bool {
    matches!((kind, i), ('P', 3) | ('T', 5) | ('T', 7) | ('L', 4))
}

/// Each level and channel as its one letter, both ways.
const LEVELS: [(Level, char); 4] =
    [(Level::Ministry, 'M'), (Level::Province, 'P'), (Level::Commune, 'C'), (Level::Other, 'O')];
const CHANNELS: [(Channel, char); 3] = [(Channel::InPerson, 'I'), (Channel::Online, 'O'), (Channel::Post, 'P')];

fn letter<T: PartialEq>(table: &[(T, char)], value: &T) -> char {
    table.iter().find(|(v, _)| v == value).map(|&(_, c)| c).expect("every value is in its table")
}

fn from_letter<T: Copy>(table: &[(T, char)], what: &str, c: char) -> Result<T, String> {
    table.iter().find(|&&(_, l)| l == c).map(|&(v, _)| v).ok_or_else(|| format!("unknown {what} {c:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> SearchData {
        serde_json::from_str(include_str!("../tests/seeds/search.json")).unwrap()
    }

    #[test]
    fn what_is_written_reads_back_the_same() {
        let data = sample();
        assert!(!data.legacy.is_empty() && !data.procedures.is_empty());
        let (core, legacy) = (write_core(&data).unwrap(), write_legacy(&data).unwrap());
        assert_eq!(read(&core, &legacy).unwrap(), data);
        let first = read(&core, "").unwrap();
        assert!(first.legacy.is_empty());
        assert_eq!(first.procedures, data.procedures);
    }

    #[test]
    fn a_separator_in_a_value_is_refused_when_written() {
        let mut data = sample();
        data.communes[0].name.push('\t');
        assert!(write_core(&data).unwrap_err().contains("tab"));
        let mut data = sample();
        data.procedures[0].everyday.push("a\u{1f}b".into());
        assert!(write_core(&data).is_err());
    }

    #[test]
    fn a_file_cut_short_is_an_error_wherever_it_is_cut() {
        let data = sample();
        let legacy = write_legacy(&data).unwrap();
        // Cut at every line end (each cut leaves whole, valid records).
        for (at, _) in legacy.match_indices('\n').filter(|(i, _)| i + 1 < legacy.len()) {
            assert!(read("", &legacy[..at + 1]).is_err(), "cut after byte {at}");
        }
        let both = write_core(&data).unwrap() + &legacy;
        assert_eq!(read(&both, "").unwrap(), data, "both files in one text");
        assert!(read("P\t01\tX\tX\t\nE\t2\n", "").unwrap_err().contains("says 2 records, 1 were read"));
    }

    #[test]
    fn a_damaged_file_is_an_error_naming_the_line() {
        let core = write_core(&sample()).unwrap();
        let broken = core.replacen("\nC\t", "\nC\tx", 1);
        assert!(read(&broken, "").unwrap_err().starts_with("line "));
        assert!(read("X\ta\nE\t1\n", "").is_err());
        assert!(read("C\t00070\tPhường Hoàn Kiếm\nE\t1\n", "").unwrap_err().contains("want 3"));
        assert!(read("", "").unwrap() == SearchData::default());
    }
}
