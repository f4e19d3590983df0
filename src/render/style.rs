//! Terminal styling, on or off: every renderer reads the same way without colour.

/// Whether to colour output, and the few styles used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Style {
    /// Emit ANSI colour codes.
    pub color: bool,
}

/// The styles renderers use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paint {
    /// Errors, missed targets.
    Red,
    /// Warnings, partial attainment.
    Yellow,
    /// Met targets.
    Green,
    /// Unscored and removed things.
    Dim,
    /// Emphasis.
    Bold,
    /// Locations and gutters.
    Blue,
}

impl Style {
    /// No colour.
    pub const PLAIN: Style = Style { color: false };

    /// `text` in `paint` when colour is on, unchanged otherwise.
    pub fn paint(self, paint: Paint, text: &str) -> String {
        if !self.color {
            return text.to_owned();
        }
        let code = match paint {
            Paint::Red => "1;31",
            Paint::Yellow => "1;33",
            Paint::Green => "32",
            Paint::Dim => "2",
            Paint::Bold => "1",
            Paint::Blue => "1;34",
        };
        format!("\x1b[{code}m{text}\x1b[0m")
    }
}

/// Shortens `text` to at most `width` characters, ending with `…` when cut.
pub fn truncate(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_owned();
    }
    let mut cut: String = text.chars().take(width.saturating_sub(1)).collect();
    cut.truncate(cut.trim_end().len());
    cut.push('…');
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_style_adds_nothing() {
        assert_eq!(Style::PLAIN.paint(Paint::Red, "error"), "error");
        assert_eq!(Style { color: true }.paint(Paint::Red, "error"), "\x1b[1;31merror\x1b[0m");
    }

    #[test]
    fn truncation_counts_characters() {
        assert_eq!(truncate("Competitività delle imprese", 14), "Competitività…");
        assert_eq!(truncate("breve", 14), "breve");
    }
}
