//! QR codes as terminal text: two module rows per line with the half-block
//! characters `▀`, `▄`, `█` and space, so that a module is about square in
//! a terminal cell (twice as tall as wide).

use qrcode::{Color, QrCode};

/// Modules of light margin around the code. The standard asks for 4; 2 is
/// read by every phone scanner tried and saves four lines on a small screen.
pub const QUIET: usize = 2;

/// Which modules the glyphs draw.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ink {
    /// The glyphs are the dark modules: draw them dark on a light background
    /// (e.g. black on white), the usual way.
    Dark,
    /// The glyphs are the light modules (quiet zone included): for light
    /// text on a dark background when colours cannot be set.
    Light,
}

/// The QR code of `text`, one string per line, all of the same width
/// (`width + 2 * QUIET` characters for `(width + 2 * QUIET + 1) / 2` lines).
/// Empty if `text` is too long for a QR code.
pub fn qr_lines(text: &str, ink: Ink) -> Vec<String> {
    let Ok(code) = QrCode::new(text.as_bytes()) else {
        return Vec::new();
    };
    let width = code.width();
    let colors = code.to_colors();
    let side = width + 2 * QUIET;
    // Whether the module at (x, y) of the bordered code is inked.
    let inked = |x: usize, y: usize| -> bool {
        let dark = x >= QUIET
            && y >= QUIET
            && x < QUIET + width
            && y < QUIET + width
            && colors.get((y - QUIET) * width + (x - QUIET)) == Some(&Color::Dark);
        // Below the last row (odd side) is margin too.
        let outside = y >= side;
        match ink {
            Ink::Dark => dark,
            Ink::Light => !dark && !outside,
        }
    };
    (0..side.div_ceil(2))
        .map(|row| {
            (0..side)
                .map(|x| match (inked(x, 2 * row), inked(x, 2 * row + 1)) {
                    (true, true) => '█',
                    (true, false) => '▀',
                    (false, true) => '▄',
                    (false, false) => ' ',
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_have_the_side_and_half_its_height() {
        let lines = qr_lines(
            "http://192.168.1.23:41234/c/abcdefghijklmnopqrstuvwxyz",
            Ink::Dark,
        );
        let side = lines[0].chars().count();
        assert!(lines.iter().all(|l| l.chars().count() == side));
        assert_eq!(lines.len(), side.div_ceil(2));
        // The quiet zone: first line and first column blank.
        assert!(lines[0].chars().all(|c| c == ' '));
        assert!(lines.iter().all(|l| l.starts_with("  ")));
        // The top of the two upper finder patterns: a dark row over a
        // ring's sides.
        assert!(lines[1].starts_with("  █▀▀▀▀▀█ "));
        assert!(lines[1].ends_with(" █▀▀▀▀▀█  "));
    }

    #[test]
    fn light_ink_is_the_inverse() {
        let dark = qr_lines("hello", Ink::Dark);
        let light = qr_lines("hello", Ink::Light);
        assert_eq!(dark.len(), light.len());
        assert!(light[0].chars().all(|c| c == '█'));
        assert_ne!(dark, light);
    }

    #[test]
    fn too_long_gives_nothing() {
        assert!(qr_lines(&"x".repeat(10_000), Ink::Dark).is_empty());
    }
}
