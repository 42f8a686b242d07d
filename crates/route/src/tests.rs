use super::*;

fn p(s: &str) -> ProvinceCode {
    ProvinceCode::parse(s).unwrap()
}
fn c(s: &str) -> CommuneCode {
    CommuneCode::parse(s).unwrap()
}
fn code(s: &str) -> ProcedureCode {
    ProcedureCode::parse(s).unwrap()
}

/// Query text people type: commas, spaces, diacritics and URL syntax.
const AWKWARD: [&str; 9] = [
    "khai sinh",
    "12 Lê Lợi, P.1, Q.3, TP.HCM",
    "số 5 phố Hàng Trống,P. Hàng Trống",
    "a&b=c",
    "#top",
    "100%",
    "%zz%4",
    "  đ ",
    "?lang=en&q=x+y",
];

/// One of every route, with real codes.
fn every_route() -> Vec<Route> {
    let mut all = vec![
        Route::Home,
        Route::search(""),
        Route::Search(SearchQuery {
            q: "khai sinh".into(),
            province: Some(p("79")),
            commune: Some(c("00070")),
            field: Some("Hộ tịch, chứng thực".into()),
            level: Some(Level::Commune),
            channel: Some(Channel::Post),
            own: false,
        }),
        Route::Search(SearchQuery { own: true, province: Some(p("24")), ..SearchQuery::text("nghệ nhân") }),
        Route::province(p("79")),
        Route::province(p("01")),
        Route::Commune(c("00070")),
        Route::Procedure(code("1.001193")),
        Route::Procedure(code("2.000635-a")),
        Route::Address { q: String::new() },
        Route::Hotlines { q: String::new() },
        Route::Fields { level: None, province: None },
        Route::Fields { level: Some(Level::Ministry), province: None },
        Route::Fields { level: None, province: Some(p("24")) },
        Route::Fields { level: Some(Level::Other), province: Some(p("24")) },
        Route::LifeEvents,
        Route::LifeEvent(Slug::parse("sinh-con").unwrap()),
        Route::Near,
        Route::Transparency,
        Route::EmbedBuilder,
        Route::Kiosk,
        Route::Report { about: None },
        Route::report(&Route::Procedure(code("1.001193"))),
        Route::report(&Route::Search(SearchQuery { province: Some(p("79")), ..SearchQuery::text("khai sinh, & co") })),
    ];
    for f in [
        CommuneFilter::MissingAddress,
        CommuneFilter::MissingPhone,
        CommuneFilter::WithAddress,
        CommuneFilter::WithPhone,
        CommuneFilter::WithSupportPoints,
    ] {
        all.push(Route::Province { code: p("24"), only: Some(f) });
    }
    for l in LEVELS {
        all.push(Route::Search(SearchQuery { level: Some(l), ..SearchQuery::text("a") }));
    }
    for ch in CHANNELS {
        all.push(Route::Search(SearchQuery { channel: Some(ch), ..SearchQuery::default() }));
    }
    for q in AWKWARD {
        all.push(Route::search(q));
        all.push(Route::Search(SearchQuery { field: Some(q.into()), ..SearchQuery::text(q) }));
        all.push(Route::Address { q: q.into() });
        all.push(Route::Hotlines { q: q.into() });
    }
    all
}

#[test]
fn every_route_round_trips() {
    for r in every_route() {
        for lang in [None, Some(Lang::Vi), Some(Lang::En)] {
            let href = r.href_in(lang);
            assert!(href.starts_with('/') && href.bytes().all(|b| b.is_ascii_graphic()), "{href}");
            assert_eq!(Route::parse_url(&href).as_ref(), Some(&r), "{href}");
            let (path, query) = href.split_once('?').unwrap_or((&href, ""));
            assert_eq!(Route::parse(path, query).as_ref(), Some(&r), "{href}");
            assert_eq!(lang_param(query), lang, "{href}");
            assert_eq!(Route::parse_url(&r.href_to(lang, "own-h")).as_ref(), Some(&r));
        }
    }
}

/// The URLs the app wrote before `Route`, byte for byte.
#[test]
fn hrefs_are_the_ones_the_app_always_wrote() {
    let cases = [
        (Route::Home, "/"),
        (Route::search("khai sinh"), "/tim-kiem?q=khai+sinh"),
        (
            Route::Search(SearchQuery {
                province: Some(p("79")),
                level: Some(Level::Commune),
                ..SearchQuery::text("khai sinh")
            }),
            "/tim-kiem?q=khai+sinh&tinh=79&cap=xa",
        ),
        (Route::search("12 Lê Lợi, P.1"), "/tim-kiem?q=12+L%C3%AA+L%E1%BB%A3i%2C+P.1"),
        (Route::province(p("79")), "/tinh/79"),
        (Route::Province { code: p("79"), only: Some(CommuneFilter::WithPhone) }, "/tinh/79?co=dien-thoai"),
        (Route::Province { code: p("79"), only: Some(CommuneFilter::MissingAddress) }, "/tinh/79?thieu=dia-chi"),
        (Route::Province { code: p("79"), only: Some(CommuneFilter::WithSupportPoints) }, "/tinh/79?co=diem-ho-tro"),
        (Route::Commune(c("00070")), "/xa/00070"),
        (Route::Procedure(code("1.001193")), "/thu-tuc/1.001193"),
        (Route::Address { q: "Hàng Trống".into() }, "/tra-cuu-dia-chi?q=H%C3%A0ng+Tr%E1%BB%91ng"),
        (Route::Address { q: String::new() }, "/tra-cuu-dia-chi"),
        (Route::Hotlines { q: "Đà Nẵng".into() }, "/duong-day-nong?q=%C4%90%C3%A0+N%E1%BA%B5ng"),
        (Route::Fields { level: None, province: None }, "/linh-vuc"),
        (Route::Fields { level: Some(Level::Commune), province: None }, "/linh-vuc?cap=xa"),
        (Route::Fields { level: None, province: Some(p("24")) }, "/linh-vuc?tinh=24"),
        (Route::LifeEvents, "/su-kien"),
        (Route::LifeEvent(Slug::parse("ket-hon").unwrap()), "/su-kien/ket-hon"),
        (Route::Near, "/gan-toi"),
        (Route::Transparency, "/minh-bach"),
        (Route::EmbedBuilder, "/nhung"),
        (Route::Kiosk, "/kiosk"),
        (Route::Report { about: None }, "/bao-loi"),
        (Route::report(&Route::Commune(c("00070"))), "/bao-loi?trang=%2Fxa%2F00070"),
        (Route::report(&Route::search("a b")), "/bao-loi?trang=%2Ftim-kiem%3Fq%3Da%2Bb"),
    ];
    for (r, href) in cases {
        assert_eq!(r.href(), href);
    }
    assert_eq!(Route::search("a").href_in(Some(Lang::En)), "/tim-kiem?q=a&lang=en");
    assert_eq!(Route::Near.href_in(Some(Lang::En)), "/gan-toi?lang=en");
    assert_eq!(Route::province(p("79")).href_to(None, "own-h"), "/tinh/79#own-h");
    assert_eq!(Route::province(p("79")).href_to(Some(Lang::En), "a b"), "/tinh/79?lang=en#a%20b");
    assert_eq!(encode("đ&<\"'#?/,"), "%C4%91%26%3C%22%27%23%3F%2F%2C");
}

/// Links already printed keep working: every form the router and the
/// pages accept parses to the same page.
#[test]
fn old_links_still_parse() {
    assert_eq!(Route::parse("", ""), Some(Route::Home));
    assert_eq!(Route::parse("/", "?lang=en&che-do=kiosk"), Some(Route::Home));
    assert_eq!(Route::parse("/kiosk/", "?cho=30"), Some(Route::Kiosk));
    assert_eq!(Route::parse("/tinh/79/", ""), Some(Route::province(p("79"))));
    assert_eq!(Route::parse("/xa/00070", "q=1"), Some(Route::Commune(c("00070"))));
    // Values that are not valid are ignored, as the pages always did.
    assert_eq!(
        Route::parse("/tim-kiem", "q=a&tinh=7&xa=%D9%A0&linh-vuc=++&cap=%3Cb%3E&kenh="),
        Some(Route::search("a"))
    );
    // Both spellings of a space, and `thieu` before `co`.
    assert_eq!(Route::parse("/tim-kiem", "q=khai%20sinh"), Some(Route::search("khai sinh")));
    assert_eq!(
        Route::parse("/tinh/79", "co=dia-chi&thieu=dien-thoai"),
        Some(Route::Province { code: p("79"), only: Some(CommuneFilter::MissingPhone) })
    );
    assert_eq!(Route::parse("/tinh/79", "co=nothing"), Some(Route::province(p("79"))));
    // The first of a repeated parameter.
    assert_eq!(Route::parse("/tim-kiem", "q=a&q=b"), Some(Route::search("a")));
    assert_eq!(
        Route::parse("/linh-vuc", "cap=tinh&tinh=24"),
        Some(Route::Fields { level: Some(Level::Province), province: Some(p("24")) })
    );
    assert_eq!(Route::parse("/thu-tuc/1.001193", "").map(|r| r.href()).as_deref(), Some("/thu-tuc/1.001193"));
}

#[test]
fn a_report_names_a_page_of_the_app_or_none() {
    let about = |query: &str| match Route::parse("/bao-loi", query) {
        Some(Route::Report { about }) => about.map(|r| r.href()),
        other => panic!("{query}: {other:?}"),
    };
    assert_eq!(about("trang=%2Fthu-tuc%2F1.001193").as_deref(), Some("/thu-tuc/1.001193"));
    // Written by hand, with its own query and fragment, or with a lang.
    assert_eq!(about("trang=/tim-kiem?q=a%2Bb#x").as_deref(), Some("/tim-kiem?q=a+b"));
    assert_eq!(about("trang=%2Fxa%2F00070&lang=en").as_deref(), Some("/xa/00070"));
    for junk in [
        "",
        "trang=",
        "trang=https://evil.example/",
        "trang=%3Cscript%3E",
        "trang=/khong-co",
        "trang=%2Fbao-loi%3Ftrang%3D%252Fxa%252F00070",
    ] {
        assert_eq!(about(junk), None, "{junk}");
    }
    // A report page's link to itself stays about the same page.
    let report = Route::report(&Route::Commune(c("00070")));
    assert_eq!(Route::report(&report), report);
}

#[test]
fn what_is_no_page_is_none() {
    for (path, query) in [
        ("/tinh/1", ""),
        ("/tinh/ 79", ""),
        ("/tinh", ""),
        ("/xa/70", ""),
        ("/xa/00070/x", ""),
        ("/thu-tuc/javascript:alert(1)", ""),
        ("/su-kien/Sinh Con", ""),
        ("/su-kien/a/b", ""),
        ("/khong-co", ""),
        ("xa/00070", ""),
        ("//evil.example", ""),
        ("/tim-kiem/x", ""),
    ] {
        assert_eq!(Route::parse(path, query), None, "{path}");
    }
}

#[test]
fn search_query_changes_one_parameter() {
    let s = SearchQuery { level: Some(Level::Commune), ..SearchQuery::text("khai sinh") };
    assert_eq!(Route::Search(s.with("tinh", "79")).href(), "/tim-kiem?q=khai+sinh&tinh=79&cap=xa");
    assert_eq!(Route::Search(s.with("q", "")).href(), "/tim-kiem?cap=xa");
    assert_eq!(Route::Search(s.with("cap", "")).href(), "/tim-kiem?q=khai+sinh");
    assert_eq!(s.with("lang", "en"), s);
    assert!(s.is_filtered() && !SearchQuery::text("a").is_filtered());
}

#[test]
fn decoding() {
    assert_eq!(decode("%23005a9c"), "#005a9c");
    assert_eq!(decode("a+b%20c"), "a b c");
    assert_eq!(decode("%C4%91"), "đ");
    assert_eq!(decode("100%"), "100%");
    assert_eq!(decode("%zz%4"), "%zz%4");
    assert_eq!(
        query_pairs("?a=1&b&=c&&d=%26"),
        [("a", "1"), ("b", ""), ("", "c"), ("d", "&")].map(|(k, v)| (k.to_string(), v.to_string()))
    );
}

#[test]
fn language_from_the_url() {
    assert_eq!(lang_param("?lang=en"), Some(Lang::En));
    assert_eq!(lang_param("?q=x&lang=vi"), Some(Lang::Vi));
    assert_eq!(lang_param("?lang=fr&lang=en"), Some(Lang::En));
    assert_eq!(lang_param("?lang=EN"), None);
    assert_eq!(lang_param("?xlang=en"), None);
    assert_eq!(lang_param(""), None);
}
