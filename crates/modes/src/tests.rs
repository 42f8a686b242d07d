use super::*;
use cuaso_catalogue::model::ProcedureCode;

fn parse(path: &str, q: &str) -> (Options, Vec<Problem>) {
    Options::parse(path, q)
}

fn pc(s: &str) -> ProvinceCode {
    ProvinceCode::parse(s).unwrap()
}

fn cc(s: &str) -> CommuneCode {
    CommuneCode::parse(s).unwrap()
}

#[test]
fn normal_site_without_che_do() {
    for q in ["", "?q=khai+sinh", "?che-do=", "?che-do=KIOSK", "?che-do=abc&ma-tinh=79&mau=%23000"] {
        let (o, problems) = parse("/", q);
        assert_eq!(o, Options::default(), "{q}");
        assert!(problems.is_empty(), "{q}");
        assert_eq!(o.query(), "");
        assert_eq!(o.link("/tinh/79?x=1"), "/tinh/79?x=1");
    }
}

#[test]
fn modes_and_kiosk_entry() {
    assert_eq!(parse("/", "?che-do=kiosk").0.kind, Kind::Kiosk);
    assert_eq!(parse("/", "che-do=nhung").0.kind, Kind::Embed);
    assert_eq!(parse("/kiosk", "").0.kind, Kind::Kiosk);
    assert_eq!(parse("/kiosk/", "?cho=30").0.idle_secs, 30);
    assert_eq!(parse("/kiosk", "?che-do=nhung").0.kind, Kind::Embed);
}

#[test]
fn valid_options() {
    let (o, problems) =
        parse("/", "?che-do=nhung&ma-tinh=79&ma-xa=26734&lang=en&mau=%23005A9C&muc=su-kien,tim-kiem,su-kien");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(o.province, Some(pc("79")));
    assert_eq!(o.commune, Some(cc("26734")));
    assert_eq!(o.lang, Some(Lang::En));
    assert_eq!(o.accent.as_ref().map(Accent::as_str), Some("#005a9c"));
    assert_eq!(o.sections, vec![Section::Search, Section::LifeEvents]);
    assert_eq!(o.query(), "che-do=nhung&ma-tinh=79&ma-xa=26734&lang=en&mau=%23005a9c&muc=tim-kiem,su-kien");
    // The canonical query reads back to the same options.
    assert_eq!(parse("/", &o.query()).0, o);
    assert_eq!(parse("/", "?che-do=nhung&mau=%23036").0.accent.unwrap().as_str(), "#003366");
}

#[test]
fn invalid_options_fall_back_with_a_problem_each() {
    let (o, problems) = parse("/", "?che-do=nhung&ma-tinh=abc&ma-xa=1234567&lang=fr&mau=red&muc=foo,,bar&cho=5&x=%ZZ");
    assert_eq!(o, Options { kind: Kind::Embed, ..Options::default() });
    let got: Vec<(&str, Reason)> = problems.iter().map(|p| (p.param, p.reason)).collect();
    assert_eq!(
        got,
        vec![
            ("ma-tinh", Reason::NotACode),
            ("ma-xa", Reason::NotACode),
            ("lang", Reason::UnknownValue),
            ("mau", Reason::NotHexColour),
            ("muc", Reason::UnknownValue),
            ("muc", Reason::UnknownValue),
            ("cho", Reason::OutOfRange),
        ]
    );
    for (q, reason) in [
        ("mau=%23ffff", Reason::NotHexColour),
        ("mau=005a9c", Reason::NotHexColour),
        ("mau=%23ggg", Reason::NotHexColour),
        ("mau=%23ffff00", Reason::LowContrast),
        ("mau=%23777", Reason::LowContrast),
        ("cho=abc", Reason::UnknownValue),
        ("cho=3601", Reason::OutOfRange),
        ("cho=-1", Reason::UnknownValue),
    ] {
        let (o, problems) = parse("/", &format!("che-do=kiosk&{q}"));
        assert_eq!(problems.iter().map(|p| p.reason).collect::<Vec<_>>(), vec![reason], "{q}");
        assert!(o.accent.is_none() && o.idle_secs == IDLE_DEFAULT, "{q}");
    }
    // A hostile value is cut, never echoed whole.
    let long = "9".repeat(500);
    let (_, problems) = parse("/", &format!("che-do=kiosk&ma-tinh={long}"));
    assert_eq!(problems[0].value.chars().count(), 40);
}

#[test]
fn contrast() {
    assert!((Accent::parse("#000").unwrap().contrast_with_white() - 21.0).abs() < 0.01);
    let brand = Accent::parse("#9b1c1c").unwrap();
    assert!(brand.contrast_with_white() > 7.0);
    // #767676 is the classic lightest grey that passes 4.5:1 on white.
    assert!(Accent::parse("#767676").is_ok());
    assert_eq!(Accent::parse("#777777"), Err(Reason::LowContrast));
}

#[test]
fn places_must_exist() {
    let provinces = [pc("01"), pc("79")];
    let communes = [(cc("00070"), pc("01")), (cc("26734"), pc("79"))];
    let check = |q: &str| {
        let (mut o, _) = parse("/", q);
        let problems = o.check_places(provinces.iter(), communes.iter().map(|(c, p)| (c, p)));
        (o.province.map(|p| p.as_str().to_string()), o.commune.map(|c| c.as_str().to_string()), problems)
    };
    let (p, c, problems) = check("che-do=nhung&ma-tinh=79&ma-xa=26734");
    assert_eq!((p.as_deref(), c.as_deref(), problems.len()), (Some("79"), Some("26734"), 0));
    let (p, _, problems) = check("che-do=nhung&ma-tinh=99");
    assert_eq!((p, problems[0].reason), (None, Reason::NotInCatalogue));
    let (_, c, problems) = check("che-do=nhung&ma-tinh=79&ma-xa=00070");
    assert_eq!((c, problems[0].reason), (None, Reason::CommuneNotInProvince));
    let (_, c, problems) = check("che-do=nhung&ma-xa=99999");
    assert_eq!((c, problems[0].reason), (None, Reason::NotInCatalogue));
    // A commune alone is fine.
    assert!(check("che-do=kiosk&ma-xa=00070").2.is_empty());
}

#[test]
fn links_keep_the_mode() {
    let (o, _) = parse("/", "?che-do=nhung&ma-tinh=79&muc=tim-kiem");
    assert_eq!(o.link("/tinh/79"), "/tinh/79?che-do=nhung&ma-tinh=79&muc=tim-kiem");
    assert_eq!(
        o.link("/tim-kiem?q=khai+sinh&tinh=79"),
        "/tim-kiem?q=khai+sinh&tinh=79&che-do=nhung&ma-tinh=79&muc=tim-kiem"
    );
    assert_eq!(o.link("/x?che-do=kiosk&ma-tinh=01&q=a#top"), "/x?q=a&che-do=nhung&ma-tinh=79&muc=tim-kiem#top");
    // Idempotent: a rewritten link is not rewritten again.
    let once = o.link("/tim-kiem?q=a");
    assert_eq!(o.link(&once), once);
    // `lang` is the app's own parameter; the mode replaces it only when it sets one.
    assert_eq!(o.link("/?lang=en"), "/?lang=en&che-do=nhung&ma-tinh=79&muc=tim-kiem");
    let (en, _) = parse("/", "?che-do=kiosk&lang=en&cho=60");
    assert_eq!(en.link("/?lang=en"), "/?che-do=kiosk&lang=en&cho=60");
}

#[test]
fn full_app_links_drop_the_mode() {
    let t = "/thu-tuc/1.001193?che-do=kiosk&cho=30&lang=vi&q=a";
    assert_eq!(full_app_link(t, Lang::Vi), "/thu-tuc/1.001193?q=a");
    assert_eq!(full_app_link(t, Lang::En), "/thu-tuc/1.001193?q=a&lang=en");
    assert_eq!(full_app_link("/?che-do=nhung", Lang::Vi), "/");
}

#[test]
fn what_an_embed_keeps() {
    let (o, _) = parse("/", "?che-do=nhung&muc=tim-kiem");
    assert!(o.keeps("/"));
    assert!(o.keeps("/tim-kiem"));
    assert!(o.keeps("/thu-tuc/1.001193"));
    assert!(!o.keeps("/tinh/79"));
    assert!(!o.keeps("/xa/00070"));
    assert!(!o.keeps("/gan-toi"));
    assert!(!o.keeps("/nhung"));
    assert!(!o.keeps("/khong-co") && !o.keeps("/xa/abc"));
    assert!(o.keeps_route(&Route::Procedure(ProcedureCode::parse("1.001193").unwrap())));
    let (all, _) = parse("/", "?che-do=nhung");
    assert!(all.keeps("/xa/00070") && all.keeps("/duong-day-nong") && !all.keeps("/gan-toi"));
    assert!(all.shows(Section::Places));
    assert!(!o.shows(Section::Places));
    let (k, _) = parse("/kiosk", "");
    assert!(k.keeps("/gan-toi") && k.shows(Section::Places));
}

#[test]
fn destinations() {
    let o = "http://127.0.0.1:8080";
    assert_eq!(destination("http://127.0.0.1:8080/xa/00070?q=1", o), Destination::App("/xa/00070?q=1".into()));
    assert_eq!(destination("http://127.0.0.1:8080", o), Destination::App("/".into()));
    assert_eq!(destination("http://127.0.0.1:8080/thu-tuc/1.001193", o), Destination::App("/thu-tuc/1.001193".into()));
    assert_eq!(destination("http://127.0.0.1:80801/", o), Destination::External);
    assert_eq!(destination("https://dichvucong.gov.vn/p", o), Destination::External);
    assert_eq!(destination("tel:18001096", o), Destination::External);
    assert_eq!(destination("geo:21.0,105.8", o), Destination::External);
    assert_eq!(destination("http://127.0.0.1:8080/data/x/catalogue.json", o), Destination::File);
    assert_eq!(destination("http://127.0.0.1:8080/embed.js", o), Destination::File);
}

#[test]
fn url_coding() {
    assert_eq!(encode("#ab đ"), "%23ab+%C4%91");
    assert_eq!(parse("/", "?che-do=nhung&mau=%23005A9C").0.query(), "che-do=nhung&mau=%23005a9c");
}

#[test]
fn the_snippet() {
    let (o, _) = parse("/", "?che-do=nhung&ma-tinh=79&mau=%23005a9c");
    let s = snippet("https://cuaso.example", &o, "Cửa sổ số \"x\"");
    assert_eq!(
        s,
        "<iframe data-cuaso src=\"https://cuaso.example/?che-do=nhung&amp;ma-tinh=79&amp;mau=%23005a9c\" title=\"Cửa sổ số &quot;x&quot;\" width=\"100%\" height=\"600\" loading=\"lazy\"></iframe>\n<script src=\"https://cuaso.example/embed.js\" async></script>"
    );
}

#[test]
fn preset_filters() {
    let (o, _) = parse("/", "?che-do=nhung&ma-tinh=79&ma-xa=26734");
    let search = |url: &str| match Route::parse_url(url) {
        Some(Route::Search(s)) => s,
        other => panic!("{other:?}"),
    };
    let with = |o: &Options, url: &str| Route::Search(o.with_preset_filters(search(url))).href();
    assert_eq!(with(&o, "/tim-kiem?q=a"), "/tim-kiem?q=a&tinh=79&xa=26734");
    assert_eq!(with(&o, "/tim-kiem?q=a&tinh=01"), "/tim-kiem?q=a&tinh=01");
    let (n, _) = parse("/", "?ma-tinh=79");
    assert_eq!(with(&n, "/tim-kiem?q=a"), "/tim-kiem?q=a");
    assert_eq!(o.href(&Route::search("a")), "/tim-kiem?q=a&che-do=nhung&ma-tinh=79&ma-xa=26734");
}

#[test]
fn the_builders_choice_reads_back_as_built() {
    let (o, problem) = Options::embed(
        Some(pc("79")),
        Some(cc("26734")),
        Some(Lang::En),
        " #005A9C ",
        &[Section::Hotlines, Section::Search],
    );
    assert_eq!(problem, None);
    assert_eq!(o.query(), "che-do=nhung&ma-tinh=79&ma-xa=26734&lang=en&mau=%23005a9c&muc=tim-kiem,duong-day-nong");
    assert_eq!(parse("/", &o.query()), (o, vec![]));

    // A colour the frame would ignore is left out of the snippet and said why.
    let (o, problem) = Options::embed(None, None, None, "#ffff00", &[]);
    assert_eq!(problem, Some(Reason::LowContrast));
    assert_eq!(o.query(), "che-do=nhung");
    assert_eq!(Options::embed(None, None, None, "blue", &[]).1, Some(Reason::NotHexColour));
    assert_eq!(Options::embed(None, None, None, "  ", &[]).1, None);
}
