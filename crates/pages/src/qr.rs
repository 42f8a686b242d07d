//! QR codes for share links and a kiosk's outside links, drawn as one SVG path.

use qrcode::{Color, EcLevel, QrCode};

/// An SVG path drawing the dark modules of a QR code for `text`, and the
/// code's width in modules (without the quiet zone). `None` if the text is
/// too long for a QR code.
pub fn svg_path(text: &str) -> Option<(usize, String)> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    let width = code.width();
    let mut path = String::new();
    for (i, c) in code.to_colors().into_iter().enumerate() {
        if c == Color::Dark {
            let (x, y) = (i % width, i / width);
            path.push_str(&format!("M{x} {y}h1v1h-1z"));
        }
    }
    Some((width, path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_draws_and_an_overlong_text_does_not() {
        let (width, path) = svg_path("https://cuaso.example/thu-tuc/1.001193?lang=en").unwrap();
        // Version 4 at level M holds 62 bytes: 33 modules a side.
        assert_eq!(width, 33);
        let modules = path.matches('M').count();
        assert!(modules > width * width / 4 && modules < width * width * 3 / 4, "{modules} dark modules");
        // The three finder patterns: the top-left module of each is dark.
        for (x, y) in [(0, 0), (width - 7, 0), (0, width - 7)] {
            assert!(path.contains(&format!("M{x} {y}h1v1h-1z")), "finder at {x},{y}");
        }
        assert_eq!(svg_path(&"x".repeat(5000)), None);
    }
}
