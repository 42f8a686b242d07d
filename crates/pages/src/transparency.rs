//! The table of `/minh-bach`: its columns and their order.

use cuaso_catalogue::format::Manifest;
use cuaso_catalogue::lang::Text;
use cuaso_catalogue::text::sort_key;
use cuaso_catalogue::transparency::ProvinceStats;
use std::cmp::Ordering;

/// A sortable column of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Col {
    Name,
    Percent,
    OwnProcedures,
    ProvinceProcedures,
    CommuneProcedures,
    CentreAddress,
    Hotline,
    WithAddress,
    WithPhone,
    SupportPoints,
    Source,
}

pub const COLS: [Col; 11] = [
    Col::Name,
    Col::Percent,
    Col::OwnProcedures,
    Col::ProvinceProcedures,
    Col::CommuneProcedures,
    Col::CentreAddress,
    Col::Hotline,
    Col::WithAddress,
    Col::WithPhone,
    Col::SupportPoints,
    Col::Source,
];

impl Col {
    pub fn label(self) -> Text {
        match self {
            Col::Name => Text::new("Tỉnh, thành phố", "Province"),
            Col::Percent => Text::new("Mức đầy đủ", "Completeness"),
            Col::OwnProcedures => Text::new("Thủ tục riêng của tỉnh", "The province's own procedures"),
            Col::ProvinceProcedures => Text::new("Thủ tục cấp tỉnh", "Province-level procedures"),
            Col::CommuneProcedures => Text::new("Thủ tục cấp xã", "Commune-level procedures"),
            Col::CentreAddress => Text::new("Địa chỉ trung tâm tỉnh", "Provincial centre address"),
            Col::Hotline => Text::new("Đường dây nóng", "Hotline"),
            Col::WithAddress => Text::new("Trung tâm xã có địa chỉ", "Commune centres with address"),
            Col::WithPhone => Text::new("Trung tâm xã có điện thoại", "Commune centres with phone"),
            Col::SupportPoints => Text::new("Điểm hỗ trợ", "Support points"),
            Col::Source => Text::new("Nguồn, ngày", "Source, date"),
        }
    }
    /// `data-col` of the cells, for tests and styles.
    pub fn id(self) -> &'static str {
        match self {
            Col::Name => "name",
            Col::Percent => "percent",
            Col::OwnProcedures => "own-procedures",
            Col::ProvinceProcedures => "procedures-province",
            Col::CommuneProcedures => "procedures-commune",
            Col::CentreAddress => "centre-address",
            Col::Hotline => "hotline",
            Col::WithAddress => "with-address",
            Col::WithPhone => "with-phone",
            Col::SupportPoints => "support-points",
            Col::Source => "source",
        }
    }
}

/// The date of a row's newest source, for sorting and display.
pub fn source_date<'a>(row: &ProvinceStats, m: &'a Manifest) -> Option<&'a str> {
    row.sources.iter().filter_map(|id| m.source(id)).map(|s| s.date.as_str()).max()
}

pub fn compare(a: &ProvinceStats, b: &ProvinceStats, col: Col, m: &Manifest) -> Ordering {
    let hotline = |r: &ProvinceStats| {
        r.hotline.as_ref().map_or(u8::from(r.reported_number.is_some()), |h| 2 + u8::from(h.always_open))
    };
    let by = match col {
        Col::Name => Ordering::Equal,
        Col::Percent => a.completeness().total_cmp(&b.completeness()),
        Col::OwnProcedures => a.own_procedures.cmp(&b.own_procedures),
        Col::ProvinceProcedures => a.procedures.province.cmp(&b.procedures.province),
        Col::CommuneProcedures => a.procedures.commune.cmp(&b.procedures.commune),
        Col::CentreAddress => a.centre_address.cmp(&b.centre_address),
        Col::Hotline => hotline(a).cmp(&hotline(b)),
        Col::WithAddress => a.communes_with_address.cmp(&b.communes_with_address),
        Col::WithPhone => a.communes_with_phone.cmp(&b.communes_with_phone),
        Col::SupportPoints => a.support_points.cmp(&b.support_points),
        Col::Source => source_date(a, m).cmp(&source_date(b, m)),
    };
    by.then_with(|| short(&a.name).cmp(&short(&b.name)))
}

/// The name without "Tỉnh"/"Thành phố", as a sort key, so An Giang sorts before Bắc Ninh.
fn short(name: &str) -> String {
    sort_key(name.trim_start_matches("Tỉnh ").trim_start_matches("Thành phố "))
}

/// The table's rows sorted by `col`, ties by name.
pub fn sorted(rows: &[ProvinceStats], col: Col, ascending: bool, m: &Manifest) -> Vec<ProvinceStats> {
    let mut list = rows.to_vec();
    list.sort_by(|a, b| {
        let o = compare(a, b, col, m);
        if ascending {
            o
        } else {
            o.reverse()
        }
    });
    list
}

/// The chart's order: most complete first, ties by name.
pub fn by_completeness(rows: &[ProvinceStats]) -> Vec<&ProvinceStats> {
    let mut list: Vec<&ProvinceStats> = rows.iter().collect();
    list.sort_by(|a, b| {
        b.completeness().total_cmp(&a.completeness()).then_with(|| short(&a.name).cmp(&short(&b.name)))
    });
    list
}
