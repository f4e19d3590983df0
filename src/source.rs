//! Source text with a line index, so byte spans can be turned into `line:column` positions.
//!
//! Every input the core reads (a plan, an actuals file) arrives as a [`SourceFile`]: its display
//! name and its whole text. The core never opens files itself; the CLI reads them and hands
//! them over. A plan read a piece at a time ([`crate::load::PlanStream`]) is not held whole: its
//! [`SourceFile`] is made with [`SourceFile::deferred`], and the text is asked for only when a
//! diagnostic quotes it.

use std::ops::Range;

/// A byte range into a source text.
pub type Span = Range<usize>;

/// One input text and where it came from.
#[derive(Clone)]
pub struct SourceFile {
    name: String,
    /// The text: given, or fetched the first time it is needed ([`SourceFile::deferred`]).
    text: std::sync::OnceLock<String>,
    /// How the text is fetched when it was not given.
    fetch: Option<Fetch>,
    /// The length of the text in bytes, known before the text is fetched.
    len: usize,
    /// Byte offset of the start of every line, computed when first needed: a file of millions
    /// of blank lines that no diagnostic points into never pays for it.
    line_starts: std::sync::OnceLock<Vec<usize>>,
}

/// A 1-based line and column (the column counts characters, not bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

/// How many line breaks (`\n`) `bytes` holds: a file of a million rows is counted in a few
/// milliseconds, with the vector instructions of `memchr`. A few bytes (the rest of a row) are
/// counted in a plain loop, which costs less than setting up the vector search.
pub fn line_breaks(bytes: &[u8]) -> usize {
    if bytes.len() < 64 {
        return bytes.iter().filter(|&&b| b == b'\n').count();
    }
    memchr::memchr_iter(b'\n', bytes).count()
}

/// `text` without the white space around it, as [`str::trim`] gives it; a text that starts and
/// ends with a printable ASCII character (almost every field of a row) is given back as it is,
/// without looking at its characters one by one.
pub fn trim(text: &str) -> &str {
    let printable = |byte: &u8| (b'!'..=b'~').contains(byte);
    match text.as_bytes() {
        [first, .., last] if printable(first) && printable(last) => text,
        [only] if printable(only) => text,
        _ => text.trim(),
    }
}

/// What gives a deferred text ([`SourceFile::deferred`]).
type Fetch = std::sync::Arc<dyn Fn() -> String + Send + Sync>;

impl std::fmt::Debug for SourceFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SourceFile")
            .field("name", &self.name)
            .field("len", &self.len)
            .field("text", &self.text.get())
            .finish_non_exhaustive()
    }
}

impl SourceFile {
    /// Wraps `text`, read from the file displayed as `name`.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        let text: String = text.into();
        let len = text.len();
        Self {
            name: name.into(),
            text: std::sync::OnceLock::from(text),
            fetch: None,
            len,
            line_starts: Default::default(),
        }
    }

    /// A file displayed as `name`, of `len` bytes of text, whose text is not held: `fetch` gives
    /// it the first time it is needed (a diagnostic quoting it), and it is kept from then on. The
    /// caller reads the text in pieces meanwhile ([`crate::load::PlanStream`]), and `fetch`
    /// reads it again. Should the file have changed in between, the text `fetch` gives is used as
    /// it is: nothing here panics on a text of another length, and telling the user is the
    /// caller's work, as `fetch` is.
    pub fn deferred(name: impl Into<String>, len: usize, fetch: impl Fn() -> String + Send + Sync + 'static) -> Self {
        let fetch: Fetch = std::sync::Arc::new(fetch);
        Self {
            name: name.into(),
            text: std::sync::OnceLock::new(),
            fetch: Some(fetch),
            len,
            line_starts: Default::default(),
        }
    }

    /// Whether the text is held: given, or fetched already.
    pub fn is_held(&self) -> bool {
        self.text.get().is_some()
    }

    /// The length of the text in bytes, known without fetching it.
    pub fn len(&self) -> usize {
        self.text.get().map_or(self.len, String::len)
    }

    /// Whether the text is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn line_starts(&self) -> &[usize] {
        self.line_starts
            .get_or_init(|| std::iter::once(0).chain(self.text().match_indices('\n').map(|(i, _)| i + 1)).collect())
    }

    /// The name shown in diagnostics (usually the path as the user typed it).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The whole text: fetched first if it was deferred ([`SourceFile::deferred`]).
    pub fn text(&self) -> &str {
        self.text.get_or_init(|| self.fetch.as_ref().map_or_else(String::new, |fetch| fetch()))
    }

    /// The position of byte `offset` (clamped to the text, moved back to a character boundary).
    pub fn position(&self, offset: usize) -> Position {
        let text = self.text();
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line_starts = self.line_starts();
        let line_index = line_starts.partition_point(|&start| start <= offset) - 1;
        let line_start = line_starts[line_index];
        let column = text[line_start..offset].chars().count() + 1;
        Position { line: line_index + 1, column }
    }

    /// The byte offset where 1-based line `line` starts (the end of the text past the last).
    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts().get(line.wrapping_sub(1)).copied().unwrap_or(self.text().len())
    }

    /// The texts of 1-based lines `lines`, in any order, each as [`SourceFile::line_text`]
    /// gives it: in one pass over the text when the start of every line is not known yet, which
    /// it does not make (for a file of a million rows, 8 MB).
    pub fn line_texts(&self, lines: &[usize]) -> Vec<&str> {
        if self.line_starts.get().is_some() {
            return lines.iter().map(|&line| self.line_text(line)).collect();
        }
        let mut order: Vec<usize> = (0..lines.len()).collect();
        order.sort_unstable_by_key(|&at| lines[at]);
        let mut texts = vec![""; lines.len()];
        let text = self.text();
        let bytes = text.as_bytes();
        // The line reached, and where it starts.
        let (mut line, mut start) = (1, 0);
        let mut breaks = memchr::memchr_iter(b'\n', bytes);
        for at in order {
            let wanted = lines[at];
            while line < wanted {
                let Some(end) = breaks.next() else { break };
                (line, start) = (line + 1, end + 1);
            }
            if line != wanted {
                continue;
            }
            let end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |end| start + end + 1);
            texts[at] = text[start..end].trim_end_matches(['\n', '\r']);
        }
        texts
    }

    /// The text of 1-based line `line`, without its line terminator.
    pub fn line_text(&self, line: usize) -> &str {
        let line_starts = self.line_starts();
        let Some(&start) = line_starts.get(line.wrapping_sub(1)) else {
            return "";
        };
        let end = line_starts.get(line).map_or(self.text().len(), |&next| next);
        self.text()[start..end].trim_end_matches(['\n', '\r'])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_not_bytes() {
        let file = SourceFile::new("p.toml", "a = 1\nb = \"≥ 90%\"\r\nc");
        assert_eq!(file.position(0), Position { line: 1, column: 1 });
        assert_eq!(file.position(6), Position { line: 2, column: 1 });
        // The `9` after `≥ ` (3 bytes + 1 space) is the 8th character of line 2.
        let nine = file.text().find('9').unwrap();
        assert_eq!(file.position(nine), Position { line: 2, column: 8 });
        assert_eq!(file.line_text(2), "b = \"≥ 90%\"");
        assert_eq!(file.line_text(3), "c");
        assert_eq!(file.line_text(4), "");
        assert_eq!(file.position(10_000), Position { line: 3, column: 2 });
    }

    proptest::proptest! {
        /// Lines found in one pass are those found by the start of every line: in any order,
        /// repeated, line 0 and lines past the end, with `\r\n`, a lone `\r` and no final break.
        #[test]
        fn lines_found_in_one_pass_are_those_of_the_index(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec!["\n", "\r\n", "\r", "\n\n", "a", "S1.1;2019;5", "é≥", " "]),
                0..40,
            ),
            lines in proptest::collection::vec(0usize..30, 0..20),
        ) {
            let text = pieces.concat();
            let fresh = SourceFile::new("a.csv", text.as_str());
            let indexed = SourceFile::new("a.csv", text.as_str());
            let expected: Vec<&str> = lines.iter().map(|&line| indexed.line_text(line)).collect();
            proptest::prop_assert!(fresh.line_starts.get().is_none());
            proptest::prop_assert_eq!(fresh.line_texts(&lines), expected.clone());
            proptest::prop_assert!(fresh.line_starts.get().is_none(), "the index is not made");
            proptest::prop_assert_eq!(indexed.line_texts(&lines), expected);
        }

        /// The quick paths give what the slow ones give: white space of every kind (ASCII,
        /// Unicode, none) around and inside printable and other text, short and long.
        #[test]
        fn trim_and_line_breaks_are_those_of_the_standard_library(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    " ", "\t", "\n", "\r\n", "\u{a0}", "\u{2003}", "\u{85}", "\u{7f}", "\u{0}", "\u{feff}",
                    "a", "S1.1", "≥", "é", "~", "!", "12,5",
                ]),
                0..40,
            ),
        ) {
            let text: String = pieces.concat();
            proptest::prop_assert_eq!(trim(&text), text.trim());
            proptest::prop_assert_eq!(line_breaks(text.as_bytes()), text.bytes().filter(|&b| b == b'\n').count());
        }
    }

    #[test]
    fn offsets_inside_a_character_move_back_to_its_start() {
        let file = SourceFile::new("p.toml", "≥");
        assert_eq!(file.position(1), Position { line: 1, column: 1 });
    }
}
