//! A small CSV reader (RFC 4180: quoted fields, doubled quotes, line breaks
//! inside quotes), enough for what a spreadsheet saves. A UTF-8 byte-order mark
//! is dropped; the delimiter is `,`, or `;` when the header has no comma but a
//! semicolon (Excel in a Vietnamese locale saves so).

/// One record: its number as a spreadsheet shows it (the header is row 1) and its cells.
pub type Record = (usize, Vec<String>);

/// The header and the records, blank records dropped.
pub fn parse(text: &str) -> (Vec<String>, Vec<Record>) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first_line = text.lines().next().unwrap_or("");
    let delim = if !first_line.contains(',') && first_line.contains(';') { ';' } else { ',' };
    let mut records: Vec<Vec<String>> = Vec::new();
    let mut record = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    cell.push('"');
                    chars.next();
                }
                '"' => quoted = false,
                _ => cell.push(c),
            }
            continue;
        }
        match c {
            '"' if cell.is_empty() => quoted = true,
            c if c == delim => record.push(std::mem::take(&mut cell)),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                record.push(std::mem::take(&mut cell));
                records.push(std::mem::take(&mut record));
            }
            _ => cell.push(c),
        }
    }
    if !cell.is_empty() || !record.is_empty() {
        record.push(cell);
        records.push(record);
    }
    let mut it = records.into_iter().enumerate();
    let header = it.next().map(|(_, h)| h.into_iter().map(|s| s.trim().to_string()).collect()).unwrap_or_default();
    let rows = it.filter(|(_, r)| r.iter().any(|c| !c.trim().is_empty())).map(|(i, r)| (i + 1, r)).collect();
    (header, rows)
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn quotes_commas_and_line_breaks() {
        let (h, rows) = parse("\u{feff}a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n\r\n,,\n2,\"two\nlines\",\n");
        assert_eq!(h, ["a", "b", "c"]);
        assert_eq!(rows.len(), 2, "blank records are dropped: {rows:?}");
        assert_eq!(rows[0], (2, vec!["1".into(), "x, y".into(), "say \"hi\"".into()]));
        assert_eq!(rows[1], (5, vec!["2".into(), "two\nlines".into(), "".into()]));
    }

    #[test]
    fn semicolon_files_from_excel() {
        let (h, rows) = parse("Mã xã;Điện thoại\n20194;0903570134\n");
        assert_eq!(h, ["Mã xã", "Điện thoại"]);
        assert_eq!(rows[0].1, ["20194", "0903570134"]);
    }

    #[test]
    fn no_final_newline() {
        let (_, rows) = parse("a\n1");
        assert_eq!(rows, vec![(2, vec!["1".to_string()])]);
    }
}
