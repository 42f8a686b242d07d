//! The one interface language type and the one bilingual text. Every enum
//! that is shown to people says its name through `label(self) -> Text`, beside
//! its type; a page picks with [`Text::pick`].

/// The interface language: Vietnamese first, English second.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    /// `"vi"` or `"en"`, as in `?lang=` and `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }
    /// `"vi"` or `"en"`, exactly; anything else is not a language.
    pub fn parse(s: &str) -> Option<Lang> {
        match s {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// A text in Vietnamese and English: a label (`Text<&'static str>`, the
/// default) or a message built at run time (`Text<String>`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Text<S = &'static str> {
    pub vi: S,
    pub en: S,
}

impl<S> Text<S> {
    pub const fn new(vi: S, en: S) -> Text<S> {
        Text { vi, en }
    }
    /// The text in `lang`.
    pub fn pick(self, lang: Lang) -> S {
        match lang {
            Lang::Vi => self.vi,
            Lang::En => self.en,
        }
    }
    /// The text in `lang`, borrowed.
    pub fn get(&self, lang: Lang) -> &S {
        match lang {
            Lang::Vi => &self.vi,
            Lang::En => &self.en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_pick_chooses() {
        for l in [Lang::Vi, Lang::En] {
            assert_eq!(Lang::parse(l.code()), Some(l));
        }
        assert_eq!(Lang::parse("VI"), None);
        assert_eq!(Lang::parse("en-GB"), None);
        let t = Text::new("Xã", "Commune");
        assert_eq!((t.pick(Lang::Vi), t.pick(Lang::En)), ("Xã", "Commune"));
        assert_eq!(Text::new("a".to_string(), "b".to_string()).get(Lang::En), "b");
    }
}
