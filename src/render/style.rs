//! Terminal styling, on or off: every renderer reads the same way without colour. The styles
//! are `anstyle`'s; the CLI writes them through `anstream`, which decides when colour is on
//! (`NO_COLOR`, `CLICOLOR_FORCE`...) and turns it into console calls on old Windows consoles.

use anstyle::AnsiColor;

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
        let color = |color: AnsiColor| anstyle::Style::new().fg_color(Some(color.into()));
        let style = match paint {
            Paint::Red => color(AnsiColor::Red).bold(),
            Paint::Yellow => color(AnsiColor::Yellow).bold(),
            Paint::Green => color(AnsiColor::Green),
            Paint::Dim => anstyle::Style::new().dimmed(),
            Paint::Bold => anstyle::Style::new().bold(),
            Paint::Blue => color(AnsiColor::Blue).bold(),
        };
        format!("{style}{text}{style:#}")
    }
}

/// `text` as it can be printed to a terminal: every character a terminal acts on or that
/// cannot be seen — control characters (ESC, BEL, CR, tab...), bidirectional controls,
/// zero-width characters, the byte order mark — is written as its escape, `\u{1B}`, so that a
/// name in a plan cannot move the cursor, set the window title or hide part of itself. Line
/// breaks are kept.
pub fn visible(text: &str) -> std::borrow::Cow<'_, str> {
    // Most texts are printable ASCII and line breaks, which hold none: a byte each, told apart
    // without decoding a character.
    let plain = |byte: u8| (b' '..=b'~').contains(&byte) || byte == b'\n';
    if text.bytes().all(plain) || !text.chars().any(|c| c != '\n' && is_hidden(c)) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        push_visible(&mut out, c);
    }
    std::borrow::Cow::Owned(out)
}

/// Text as it can stand in a one-line comment (a TOML `#` comment ends at a line break and may
/// hold no control character): [`visible`], with line breaks as spaces.
pub(crate) fn one_line(text: &str) -> String {
    visible(text).replace('\n', " ")
}

/// Pushes `c`, or its escape when it is hidden; returns how many characters were pushed.
pub(crate) fn push_visible(out: &mut String, c: char) -> usize {
    if c == '\n' || !is_hidden(c) {
        out.push(c);
        return 1;
    }
    let escape = format!("\\u{{{:X}}}", u32::from(c));
    out.push_str(&escape);
    escape.len()
}

/// Whether `c`, followed by `next`, is hidden where a text is shown as written (a page, a
/// workbook): [`is_hidden`], but for the white space that lays text out there, a tab and a line
/// break (`\n`, or the `\r` of `\r\n`).
pub(crate) fn is_hidden_in_layout(c: char, next: Option<char>) -> bool {
    let white_space = matches!(c, '\t' | '\n') || c == '\r' && next == Some('\n');
    !white_space && is_hidden(c)
}

/// The characters of `text` hidden where it is shown as written ([`is_hidden_in_layout`]), in
/// order: what `check` warns of in the texts of a plan and of its actual values.
pub(crate) fn hidden_in(text: &str) -> Vec<char> {
    // Most texts are printable ASCII, which holds none.
    if text.bytes().all(|byte| (b' '..=b'~').contains(&byte)) {
        return Vec::new();
    }
    let mut chars = text.chars().peekable();
    let mut hidden = Vec::new();
    while let Some(c) = chars.next() {
        if is_hidden_in_layout(c, chars.peek().copied()) {
            hidden.push(c);
        }
    }
    hidden
}

/// Control characters, and the format characters that are invisible or reorder text.
pub(crate) fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}')
}

/// Shortens `text` to at most `width` display columns (by [`unicode_width`]: a CJK character
/// takes two), ending with `…` when cut.
pub fn truncate(text: &str, width: usize) -> String {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    if text.width() <= width {
        return text.to_owned();
    }
    let mut cut = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        cut.push(c);
        used += w;
    }
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
        assert_eq!(Style { color: true }.paint(Paint::Red, "error"), "\x1b[1m\x1b[31merror\x1b[0m");
    }

    #[test]
    fn hidden_characters_are_escaped() {
        assert_eq!(visible("S1.1"), "S1.1");
        assert_eq!(visible("a\x1b]0;pwned\x07b\rc"), "a\\u{1B}]0;pwned\\u{7}b\\u{D}c");
        assert_eq!(visible("\u{FEFF}id\u{200B}"), "\\u{FEFF}id\\u{200B}");
        assert_eq!(visible("riga\nriga"), "riga\nriga");
        assert_eq!(visible("Competitività – €"), "Competitività – €");
    }

    #[test]
    fn truncation_counts_display_columns() {
        assert_eq!(truncate("Competitività delle imprese", 14), "Competitività…");
        assert_eq!(truncate("breve", 14), "breve");
        // Wide characters take two columns.
        assert_eq!(truncate("東京都庁", 5), "東京…");
    }
}
