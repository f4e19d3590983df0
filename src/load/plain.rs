//! The events of a batch written in the plain form almost every plan's tree is written in, read
//! without the parser.
//!
//! `toml_parser` cuts a batch into a vector of tokens, then walks the tokens into events, each
//! token and event checked against everything TOML allows: a third of the time a plan of a
//! hundred thousand indicators takes to load. A batch of a plan's tree is mostly lines of a
//! plain form: headers of bare keys (`[[indicator]]`, `[indicator.targets]`), `key = value`
//! with a bare or quoted key, and values that are strings on one line, decimal numbers,
//! booleans, dates, arrays (over lines, with comments) and inline tables (on one line) of them.
//! This scanner reads exactly that form, straight into the events the parser would give for it,
//! span for span, and gives up at the first byte of anything else (a multi-line string, a time,
//! an exponent, a `+`, an underscore, a dotted key, a control character, a lone `\r`, a comma
//! after an inline table's last pair...): the caller then gives the batch, from its start, to
//! the parser. Escapes in a basic string are found, not read: the receiver decodes the string,
//! and one that is not TOML sends the batch to the parser too. `tests` compares the events of
//! both on every plan and fixture of the project and on generated lines of every kind.

use toml_parser::decoder::Encoding;
use toml_parser::parser::EventReceiver;
use toml_parser::{ErrorSink, Span};

/// The most arrays and inline tables nested in one another read here; deeper ones are left to
/// the parser (which allows more, and says when there are too many).
const DEPTH: u32 = 8;

/// What the scanner gives its events to: a receiver of the parser's events, which may also take
/// a key or string written without escapes as the text it reads, without decoding it. By
/// default, such a key or string is given as the parser gives it.
pub(super) trait Receiver<'t>: EventReceiver {
    /// The key written at `span` (bare: no `encoding`) without escapes: it reads `text`.
    fn key_as_written(&mut self, span: Span, encoding: Option<Encoding>, text: &'t str, error: &mut dyn ErrorSink) {
        let _ = text;
        self.simple_key(span, encoding, error);
    }

    /// The string written at `span` without escapes: it reads `text`.
    fn string_as_written(&mut self, span: Span, encoding: Encoding, text: &'t str, error: &mut dyn ErrorSink) {
        let _ = text;
        self.scalar(span, Some(encoding), error);
    }
}

/// A receiver of the parser's events (a closure that records them, in tests) takes every key and
/// string as the parser gives it.
impl<F: FnMut(toml_parser::parser::Event)> Receiver<'_> for F {}

/// Gives `receiver` the events of `part`, as the parser would give them (whitespace, comments
/// and line ends aside), when `part` is written wholly in the plain form; `false` when it is
/// not. Some events may then have been given already: the caller starts again with the parser
/// and a fresh receiver.
pub(super) fn events<'t, R: Receiver<'t>>(part: &'t str, receiver: &mut R, error: &mut dyn ErrorSink) -> bool {
    let mut scanner = Scanner { text: part, bytes: part.as_bytes(), at: 0, receiver, error };
    scanner.document().is_some()
}

/// `None`: not the plain form.
type Plain = Option<()>;

struct Scanner<'t, 'r, 'e, R> {
    text: &'t str,
    bytes: &'t [u8],
    at: usize,
    receiver: &'r mut R,
    error: &'e mut dyn ErrorSink,
}

/// Whether `byte` may be written in a basic string (`"…"`) as itself: TOML's `basic-unescaped`
/// (a tab, a space, any printable ASCII character but `"` and `\`, any byte of a non-ASCII
/// character).
fn basic(byte: u8) -> bool {
    matches!(byte, b'\t' | b' ' | 0x21 | 0x23..=0x5B | 0x5D..=0x7E | 0x80..)
}

/// Whether `byte` may be written in a literal string (`'…'`): TOML's `literal-char`.
fn literal(byte: u8) -> bool {
    matches!(byte, b'\t' | 0x20..=0x26 | 0x28..=0x7E | 0x80..)
}

/// Whether `byte` may be written in a comment: TOML's `non-eol`.
fn comment(byte: u8) -> bool {
    matches!(byte, b'\t' | 0x20..=0x7E | 0x80..)
}

/// Whether `byte` may be part of a bare key.
fn bare(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_' || byte == b'-'
}

/// Whether `text` is a value written bare that this scanner reads: `true`, `false`, a date
/// (`2019-07-25`), or a decimal number without sign `+`, underscores or exponent (`12`, `-3`,
/// `0.25`). The receiver reads it, and gives up on a date that does not exist.
fn plain_bare_value(text: &[u8]) -> bool {
    if text == b"true" || text == b"false" {
        return true;
    }
    let digits_at = |range: std::ops::Range<usize>| text[range].iter().all(u8::is_ascii_digit);
    if text.len() == 10 && text[4] == b'-' && text[7] == b'-' && digits_at(0..4) && digits_at(5..7) && digits_at(8..10)
    {
        return true;
    }
    let digits = text.strip_prefix(b"-").unwrap_or(text);
    let (whole, fraction) = match digits.iter().position(|&b| b == b'.') {
        Some(dot) => (&digits[..dot], Some(&digits[dot + 1..])),
        None => (digits, None),
    };
    let whole_ok = !whole.is_empty() && whole.iter().all(u8::is_ascii_digit) && (whole == b"0" || whole[0] != b'0');
    let fraction_ok = fraction.is_none_or(|f| !f.is_empty() && f.iter().all(u8::is_ascii_digit));
    whole_ok && fraction_ok
}

impl<'t, R: Receiver<'t>> Scanner<'t, '_, '_, R> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn span(start: usize, end: usize) -> Span {
        Span::new_unchecked(start, end)
    }

    fn spaces(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.at += 1;
        }
    }

    /// The lines of the part, each a header, a `key = value`, a comment or nothing.
    fn document(&mut self) -> Plain {
        while self.at < self.bytes.len() {
            self.spaces();
            match self.peek() {
                Some(b'[') => self.header()?,
                Some(b'#' | b'\n' | b'\r') | None => {}
                Some(_) => self.key_value(0)?,
            }
            self.line_end()?;
        }
        Some(())
    }

    /// Spaces, a comment, and the end of the line (`\n`, `\r\n`, or the end of the part).
    fn line_end(&mut self) -> Plain {
        self.spaces();
        if self.peek() == Some(b'#') {
            let start = self.at;
            let end = memchr::memchr(b'\n', &self.bytes[start..]).map_or(self.bytes.len(), |n| start + n);
            let text = &self.bytes[start..end];
            let text = text.strip_suffix(b"\r").unwrap_or(text);
            if !text.iter().all(|&b| comment(b)) {
                return None;
            }
            self.at = start + text.len();
        }
        match self.peek() {
            None => {}
            Some(b'\n') => self.at += 1,
            Some(b'\r') if self.bytes.get(self.at + 1) == Some(&b'\n') => self.at += 2,
            Some(_) => return None,
        }
        Some(())
    }

    /// `[key]` or `[[key]]`, of one key or more joined by dots (`[indicator.targets]`), spaces
    /// allowed around the keys.
    fn header(&mut self) -> Plain {
        let start = self.at;
        let array = self.bytes.get(start + 1) == Some(&b'[');
        let close: &[u8] = if array { b"]]" } else { b"]" };
        self.at += close.len();
        if array {
            self.receiver.array_table_open(Self::span(start, self.at), self.error);
        } else {
            self.receiver.std_table_open(Self::span(start, self.at), self.error);
        }
        loop {
            self.spaces();
            self.key()?;
            self.spaces();
            if self.peek() != Some(b'.') {
                break;
            }
            self.receiver.key_sep(Self::span(self.at, self.at + 1), self.error);
            self.at += 1;
        }
        let end = self.at;
        if !self.bytes[end..].starts_with(close) {
            return None;
        }
        self.at += close.len();
        if array {
            self.receiver.array_table_close(Self::span(end, self.at), self.error);
        } else {
            self.receiver.std_table_close(Self::span(end, self.at), self.error);
        }
        Some(())
    }

    /// A bare key, or one in a basic or literal string.
    fn key(&mut self) -> Plain {
        let start = self.at;
        if let b'"' | b'\'' = self.peek()? {
            let (encoding, escaped) = self.string()?;
            let span = Self::span(start, self.at);
            if escaped {
                self.receiver.simple_key(span, Some(encoding), self.error);
            } else {
                let text = &self.text[start + 1..self.at - 1];
                self.receiver.key_as_written(span, Some(encoding), text, self.error);
            }
            return Some(());
        }
        while self.peek().is_some_and(bare) {
            self.at += 1;
        }
        if self.at == start {
            return None;
        }
        self.receiver.key_as_written(Self::span(start, self.at), None, &self.text[start..self.at], self.error);
        Some(())
    }

    /// A basic or literal string on one line; its encoding, and whether it has escapes. A basic
    /// string's escapes are found, not read: the receiver decodes the string, and reports an
    /// escape that is not TOML as an error, which sends the part to the parser.
    fn string(&mut self) -> Option<(Encoding, bool)> {
        let quote = self.peek()?;
        let start = self.at + 1;
        let (encoding, end, escaped) = if quote == b'"' {
            // The first quote not escaped: a backslash escapes the byte after it.
            let mut from = start;
            let end = loop {
                let at = from + memchr::memchr2(b'"', b'\\', &self.bytes[from..])?;
                if self.bytes[at] == b'"' {
                    break at;
                }
                from = at + 2;
                if from > self.bytes.len() {
                    return None;
                }
            };
            let content = &self.bytes[start..end];
            if !content.iter().all(|&b| basic(b) || b == b'"' || b == b'\\') {
                return None;
            }
            (Encoding::BasicString, end, from != start)
        } else {
            let end = start + memchr::memchr(quote, &self.bytes[start..])?;
            if !self.bytes[start..end].iter().all(|&b| literal(b)) {
                return None;
            }
            (Encoding::LiteralString, end, false)
        };
        // `""` before a third quote opens a multi-line string.
        if end == start && self.bytes.get(end + 1) == Some(&quote) {
            return None;
        }
        self.at = end + 1;
        Some((encoding, escaped))
    }

    /// Spaces, line ends and comments, as an array may have between its values.
    fn gaps(&mut self) -> Plain {
        loop {
            self.spaces();
            match self.peek() {
                Some(b'#' | b'\n' | b'\r') => self.line_end()?,
                _ => return Some(()),
            }
        }
    }

    /// `key = value`, on a line of its own (`depth` 0) or in an inline table `depth` deep.
    fn key_value(&mut self, depth: u32) -> Plain {
        self.key()?;
        self.spaces();
        if self.peek() != Some(b'=') {
            return None;
        }
        self.receiver.key_val_sep(Self::span(self.at, self.at + 1), self.error);
        self.at += 1;
        self.spaces();
        self.value(depth)
    }

    /// A value: a string, a bare value, or an array or inline table on the line.
    fn value(&mut self, depth: u32) -> Plain {
        let start = self.at;
        match self.peek()? {
            b'"' | b'\'' => {
                let (encoding, escaped) = self.string()?;
                let span = Self::span(start, self.at);
                if escaped {
                    self.receiver.scalar(span, Some(encoding), self.error);
                } else {
                    let text = &self.text[start + 1..self.at - 1];
                    self.receiver.string_as_written(span, encoding, text, self.error);
                }
            }
            b'[' => self.array(depth + 1)?,
            b'{' => self.inline_table(depth + 1)?,
            _ => {
                while matches!(
                    self.peek(),
                    Some(b'0'..=b'9' | b'a'..=b'z' | b'A'..=b'Z' | b'.' | b'-' | b'+' | b'_' | b':')
                ) {
                    self.at += 1;
                }
                if !plain_bare_value(&self.bytes[start..self.at]) {
                    return None;
                }
                self.receiver.scalar(Self::span(start, self.at), None, self.error);
            }
        }
        Some(())
    }

    /// `[value, value]`, over lines with comments or not, a comma after the last value or not.
    fn array(&mut self, depth: u32) -> Plain {
        if depth > DEPTH {
            return None;
        }
        let start = self.at;
        // A receiver that does not enter it is left to the parser.
        if !self.receiver.array_open(Self::span(start, start + 1), self.error) {
            return None;
        }
        self.at += 1;
        self.gaps()?;
        while self.peek() != Some(b']') {
            self.value(depth)?;
            self.gaps()?;
            match self.peek()? {
                b',' => {
                    self.receiver.value_sep(Self::span(self.at, self.at + 1), self.error);
                    self.at += 1;
                    self.gaps()?;
                }
                b']' => break,
                _ => return None,
            }
        }
        self.receiver.array_close(Self::span(self.at, self.at + 1), self.error);
        self.at += 1;
        Some(())
    }

    /// `{ key = value, key = value }`: no comma after the last pair.
    fn inline_table(&mut self, depth: u32) -> Plain {
        if depth > DEPTH {
            return None;
        }
        let start = self.at;
        if !self.receiver.inline_table_open(Self::span(start, start + 1), self.error) {
            return None;
        }
        self.at += 1;
        self.spaces();
        if self.peek() != Some(b'}') {
            loop {
                self.key_value(depth)?;
                self.spaces();
                match self.peek()? {
                    b',' => {
                        self.receiver.value_sep(Self::span(self.at, self.at + 1), self.error);
                        self.at += 1;
                        self.spaces();
                    }
                    b'}' => break,
                    _ => return None,
                }
            }
        }
        self.receiver.inline_table_close(Self::span(self.at, self.at + 1), self.error);
        self.at += 1;
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use toml_parser::Source;
    use toml_parser::parser::{Event, EventKind};

    /// Whether an error was reported.
    struct Errors(bool);

    impl ErrorSink for Errors {
        fn report_error(&mut self, _error: toml_parser::ParseError) {
            self.0 = true;
        }
    }

    /// The events that carry something, whitespace, comments and line ends aside.
    fn kept(event: &Event) -> bool {
        !matches!(event.kind(), EventKind::Whitespace | EventKind::Comment | EventKind::Newline)
    }

    /// The parser's events of `part`, and whether it found an error.
    fn parsed(part: &str) -> (Vec<Event>, bool) {
        let source = Source::new(part);
        let tokens = source.lex().into_vec();
        let mut events = Vec::new();
        let mut errors = Errors(false);
        let mut record = |event: Event| events.push(event);
        let mut validated = toml_parser::parser::ValidateWhitespace::new(&mut record, source);
        toml_parser::parser::parse_document(&tokens, &mut validated, &mut errors);
        events.retain(kept);
        (events, errors.0)
    }

    /// This scanner's events of `part`, when it is written in the plain form and its keys and
    /// values read as the loader reads them (an escape or a date that is not TOML sends the part
    /// to the parser).
    fn scanned(part: &str) -> Option<Vec<Event>> {
        let mut given = Vec::new();
        let mut errors = Errors(false);
        let mut record = |event: Event| given.push(event);
        let plain = events(part, &mut record, &mut errors);
        assert!(!errors.0, "the scanner reports no errors itself");
        if !plain {
            return None;
        }
        for event in &given {
            let span = event.span();
            let raw = toml_parser::Raw::new_unchecked(&part[span.start()..span.end()], event.encoding(), span);
            let mut decoded = std::borrow::Cow::Borrowed("");
            match event.kind() {
                EventKind::SimpleKey => raw.decode_key(&mut decoded, &mut errors),
                EventKind::Scalar => match raw.decode_scalar(&mut decoded, &mut errors) {
                    toml_parser::decoder::ScalarKind::String | toml_parser::decoder::ScalarKind::Boolean(_) => {}
                    _ => errors.0 |= toml::de::DeValue::parse(raw.as_str()).is_err(),
                },
                _ => {}
            }
        }
        (!errors.0).then_some(given)
    }

    /// Whether `part` is read in the plain form; when it is, the events are the parser's, and
    /// the parser finds no error in it.
    fn read_as_the_parser_reads(name: &str, part: &str) -> bool {
        let Some(events) = scanned(part) else { return false };
        let (expected, error) = parsed(part);
        assert!(!error, "{name}: the parser finds an error in what was read as plain:\n{part}");
        assert_eq!(events, expected, "{name}:\n{part}");
        true
    }

    /// Every plan and fixture of the project, cut as the loader cuts them: every part read in
    /// the plain form gives the parser's events; the seed's tree is read in it whole.
    #[test]
    fn plain_parts_give_the_parsers_events() {
        let (mut parts, mut plain) = (0, 0);
        for (name, text) in super::super::project_plan_texts() {
            let cut = super::super::parts::split(&text);
            for range in cut.head.iter().chain(&cut.batches) {
                parts += 1;
                plain += usize::from(read_as_the_parser_reads(&name, &text[range.clone()]));
            }
        }
        assert!(parts > 200 && plain > parts / 2, "{plain} parts of {parts} read in the plain form");
        let seed = include_str!("../../plans/maremma-tirreno-2019.toml");
        let cut = super::super::parts::split(seed);
        for range in &cut.batches {
            assert!(read_as_the_parser_reads("seed", &seed[range.clone()]), "{}", &seed[range.clone()]);
        }
    }

    /// Pieces of lines of every kind: the first [`PLAIN`] of each list are read in the plain
    /// form; the others are left to the parser, or are not TOML.
    const PLAIN: usize = 8;
    const HEADERS: [&str; 12] = [
        "[[indicator]]",
        "[[ indicator ]] # x",
        "[[indicator.revision]]",
        "[indicator.targets]",
        "[ indicator . targets ]",
        "[[\"indicator\"]]",
        "[[mission]]",
        "[indicator.x.y]",
        "[[indicator]",
        "[ [indicator]]",
        "[[indicator]] x = 1",
        "[]",
    ];
    const KEYS: [&str; 12] =
        ["id", "\"a b\"", "2019", "\"\"", "'name'", "k-e_y", r#""a\"b""#, "-", "ünit", "a.b", r#""\q""#, "=x"];
    /// Of the values, the first [`PLAIN_VALUES`] are plain.
    const PLAIN_VALUES: usize = 25;
    const VALUES: [&str; 44] = [
        "\"testo\"",
        "'letterale'",
        "\"≥ 85%\"",
        r#""virgolette \"dentro\" e \\ barra""#,
        r#""\u00e9 \t \n""#,
        "\"\"",
        "''",
        "1",
        "-3",
        "0",
        "-0",
        "0.25",
        "-12.5",
        "true",
        "false",
        "2019-07-25",
        "[\"a\", \"b\"]",
        "[ 1 , 2 ]",
        "[]",
        "[\n  { a = 1 }, # nota\n  { b = \"x\" },\n]",
        "[[1], [\"a\"], []]",
        "{ a = 1, b = \"≥ 85%\" }",
        "{}",
        "{ a = { b = [1, { c = 2 }] } }",
        "[1,]",
        // Left to the parser.
        "\"\"\"\nriga\"\"\"",
        "'''riga'''",
        "+1",
        "1_000",
        "1e3",
        "0x1F",
        "inf",
        "00",
        "1.",
        ".5",
        "1979-05-27T07:32:00Z",
        "1979-05-27 07:32:00",
        "07:32:00",
        "{ a = 1, }",
        "{ a = 1,\n b = 2 }",
        // Not TOML.
        r#""\q""#,
        "\"non chiusa",
        "1979-13-45",
        "\"a\u{1}b\"",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config { cases: 1024, ..Default::default() })]

        /// Lines of every kind, in any order, with any line ends: what is read in the plain form
        /// gives the parser's events, and the parser finds no error in it.
        #[test]
        fn any_part_read_in_the_plain_form_gives_the_parsers_events(
            lines in proptest::collection::vec((0usize..6, 0usize..12, 0usize..12, 0usize..44, 0usize..4), 1..14),
            tricky in proptest::bool::weighted(0.3),
        ) {
            let mut text = String::from("[[indicator]]\n");
            for (kind, header, key, value, end) in lines {
                let (header, key, value) =
                    if tricky { (header, key, value) } else { (header % PLAIN, key % PLAIN, value % PLAIN_VALUES) };
                match kind {
                    0 => text.push_str(HEADERS[header]),
                    1 => text.push_str("  # nota \t è"),
                    2 => {}
                    _ => text.push_str(&format!("{} = {}", KEYS[key], VALUES[value])),
                }
                text.push_str(["\n", "\r\n", " \t\n", if tricky { "\r" } else { "\n" }][end]);
            }
            let plain = read_as_the_parser_reads("generated", &text);
            proptest::prop_assert!(plain || tricky, "plain pieces are read in the plain form:\n{}", text);
        }
    }

    /// Each shape left to the parser is left to it, and each plain one is read.
    #[test]
    fn only_the_plain_form_is_read() {
        for value in &VALUES[..PLAIN_VALUES] {
            let text = format!("[[indicator]]\nx = {value}\n");
            assert!(read_as_the_parser_reads("plain", &text), "{text}");
        }
        for value in &VALUES[PLAIN_VALUES..] {
            let text = format!("[[indicator]]\nx = {value}\n");
            assert!(!read_as_the_parser_reads("not plain", &text), "{text}");
        }
        for text in [
            "[[indicator]]\r",
            "[[indicator]]\n# nota \u{7f}\n",
            "[[indicator]]\na.b = 1\n",
            "[[indicator]]\nx = 1 y\n",
            "[[indicator]]\nx = [1 2]\n",
            "[[indicator]]\nx = \"a\\",
            "[[indicator]]\nx = [1,\n",
        ] {
            assert!(!read_as_the_parser_reads("not plain", text), "{text:?}");
        }
        for header in &HEADERS[..PLAIN] {
            assert!(read_as_the_parser_reads("plain", &format!("{header}\n")), "{header}");
        }
        for header in &HEADERS[PLAIN..] {
            assert!(!read_as_the_parser_reads("not plain", &format!("{header}\n")), "{header}");
        }
    }
}
