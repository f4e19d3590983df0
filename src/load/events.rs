//! A batch of the tree's tables ([`super::parts`]) built into the parser's values straight from
//! the parser's events.
//!
//! `toml`'s own document parser records every event of the part in a vector, then walks it to
//! build the values, with the bookkeeping that any TOML document needs (dotted keys, tables
//! defined in pieces, implicit tables). A batch of a plan's tree is simpler: tables under
//! `[[indicator]]`-like headers, their keys plain, their values scalars, arrays and inline
//! tables, and sub-tables one level down (`[[indicator.revision]]`, `[indicator.targets]`).
//! This builder takes exactly that shape, as the events come, and gives up on anything else
//! ([`Built::Other`]), for the caller to parse the batch with `toml`. What it builds is what
//! `toml` builds, key for key, span for span: `tests` compares the two on every plan of the
//! project, and the loader's own tests read every file both ways.
//!
//! The events come from [`super::plain`] when the batch is written in the plain form (almost
//! every batch of almost every plan), and from `toml_parser` otherwise.

use std::borrow::Cow;
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeArray, DeTable, DeValue};
use toml_parser::decoder::{Encoding, ScalarKind};
use toml_parser::parser::{EventReceiver, RecursionGuard, ValidateWhitespace};
use toml_parser::{ErrorSink, ParseError, Raw, Source, Span};

/// What became of a batch.
pub(super) enum Built<'t> {
    /// The batch's table, spans counted from the start of the file.
    Table(DeTable<'t>),
    /// The batch has a syntax error.
    Invalid,
    /// The batch holds what this builder does not build (a dotted key, a key given twice, a
    /// table two levels down, a date...): `toml` is to parse it.
    Other,
}

/// The most arrays and inline tables nested in one another, as `toml` allows.
const DEPTH_LIMIT: u32 = 80;

/// Builds the batch `range` of `text`, a piece of a file that starts `base` bytes into it.
pub(super) fn build(text: &str, range: Range<usize>, base: usize) -> Built<'_> {
    let offset = base + range.start;
    let part = &text[range];
    // The plain form most batches are written in, read without the parser ([`super::plain`]);
    // anything else, from the start, by the parser.
    let mut builder = Builder::new(part, offset);
    let mut errors = Errors(false);
    if super::plain::events(part, &mut builder, &mut errors)
        && !errors.0
        && !builder.invalid
        && let Some(table) = builder.finish()
    {
        return Built::Table(table);
    }
    let source = Source::new(part);
    let tokens = source.lex().into_vec();
    let mut builder = Builder::new(part, offset);
    let mut errors = Errors(false);
    {
        let mut whitespace = ValidateWhitespace::new(&mut builder, source);
        let mut guarded = RecursionGuard::new(&mut whitespace, DEPTH_LIMIT);
        toml_parser::parser::parse_document(&tokens, &mut guarded, &mut errors);
    }
    if errors.0 || builder.invalid {
        return Built::Invalid;
    }
    match builder.finish() {
        Some(table) => Built::Table(table),
        None => Built::Other,
    }
}

/// Whether the parser reported an error.
struct Errors(bool);

impl ErrorSink for Errors {
    fn report_error(&mut self, _error: ParseError) {
        self.0 = true;
    }
}

/// A key, with where it is written.
type Key<'t> = Spanned<Cow<'t, str>>;

/// A header being read: where it starts, whether it opens an array of tables, its keys so far.
struct Header<'t> {
    start: usize,
    array: bool,
    keys: Vec<Key<'t>>,
}

/// A table being filled: its key, its header's span and its keys so far.
struct Filling<'t> {
    key: Key<'t>,
    span: Range<usize>,
    table: DeTable<'t>,
}

/// An array or inline table being built: where it opened, and the key it is the value of.
struct Open<'t> {
    start: usize,
    key: Option<Key<'t>>,
    value: DeValue<'t>,
}

struct Builder<'t> {
    part: &'t str,
    offset: usize,
    root: DeTable<'t>,
    /// The current element of a top-level array of tables (`[[indicator]]`).
    element: Option<Filling<'t>>,
    /// The keys of `element` that its sub-table headers made arrays of tables.
    header_arrays: Vec<String>,
    /// The sub-table of `element` being filled (`[[indicator.revision]]` when `sub_array`,
    /// `[indicator.targets]` otherwise).
    sub: Option<Filling<'t>>,
    sub_array: bool,
    /// The header being read: its start, whether it is an array of tables, and its keys.
    header: Option<Header<'t>>,
    /// The key whose value comes next.
    key: Option<Key<'t>>,
    /// The arrays and inline tables open, outermost first.
    open: Vec<Open<'t>>,
    /// Whether the batch has what is left to `toml`.
    other: bool,
    /// Whether the parser met what is not TOML (it reports it to the error sink too).
    invalid: bool,
}

impl<'t> Builder<'t> {
    fn new(part: &'t str, offset: usize) -> Self {
        Builder {
            part,
            offset,
            root: DeTable::new(),
            element: None,
            header_arrays: Vec::new(),
            sub: None,
            sub_array: false,
            header: None,
            key: None,
            open: Vec::new(),
            other: false,
            invalid: false,
        }
    }

    /// The file's byte range of `span`.
    fn range(&self, span: Span) -> Range<usize> {
        span.start() + self.offset..span.end() + self.offset
    }

    fn raw(&self, span: Span, encoding: Option<Encoding>) -> Raw<'t> {
        Raw::new_unchecked(&self.part[span.start()..span.end()], encoding, span)
    }

    /// The table built, or `None` when the batch is left to `toml`.
    fn finish(mut self) -> Option<DeTable<'t>> {
        self.close_sub();
        self.close_element();
        (!self.other && self.header.is_none() && self.open.is_empty()).then_some(self.root)
    }

    /// Puts the sub-table filled so far into its element.
    fn close_sub(&mut self) {
        let Some(Filling { key, span, table }) = self.sub.take() else { return };
        let Some(element) = self.element.as_mut() else {
            self.other = true;
            return;
        };
        let table = Spanned::new(span.clone(), DeValue::Table(table));
        let name: &str = key.get_ref();
        match element.table.get_mut(name) {
            None if self.sub_array => {
                self.header_arrays.push(name.to_owned());
                let mut items = DeArray::new();
                items.push(table);
                element.table.insert(key, Spanned::new(span, DeValue::Array(items)));
            }
            None => {
                element.table.insert(key, table);
            }
            Some(existing) => match existing.get_mut() {
                DeValue::Array(items) if self.sub_array && self.header_arrays.iter().any(|k| k == name) => {
                    items.push(table);
                }
                // A table given twice, or a key of the table given again as a table: `toml`
                // says how.
                _ => self.other = true,
            },
        }
    }

    /// Puts the top-level element filled so far into its array of tables.
    fn close_element(&mut self) {
        let Some(Filling { key, span, table }) = self.element.take() else { return };
        self.header_arrays.clear();
        let table = Spanned::new(span.clone(), DeValue::Table(table));
        match self.root.get_mut(key.get_ref().as_ref()) {
            Some(existing) => match existing.get_mut() {
                DeValue::Array(items) => items.push(table),
                _ => self.other = true,
            },
            None => {
                let mut items = DeArray::new();
                items.push(table);
                self.root.insert(key, Spanned::new(span, DeValue::Array(items)));
            }
        }
    }

    /// A header read whole (its closing brackets at `end`).
    fn header_closed(&mut self, end: usize) {
        let Some(Header { start, array, mut keys }) = self.header.take() else {
            self.other = true;
            return;
        };
        let span = start + self.offset..end + self.offset;
        self.close_sub();
        match (keys.len(), array) {
            (1, true) => {
                self.close_element();
                let key = keys.pop().expect("one key");
                self.element = Some(Filling { key, span, table: DeTable::new() });
            }
            (2, _) => {
                let key = keys.pop().expect("two keys");
                let same_element = self.element.as_ref().is_some_and(|e| e.key.get_ref() == keys[0].get_ref());
                if same_element {
                    self.sub = Some(Filling { key, span, table: DeTable::new() });
                    self.sub_array = array;
                } else {
                    self.other = true;
                }
            }
            // A top-level table, or one further down: not a batch of the tree's usual shape.
            _ => self.other = true,
        }
    }

    /// A value read whole: into the array or inline table open, or the table being filled.
    fn value(&mut self, value: Spanned<DeValue<'t>>) {
        match self.open.last_mut() {
            Some(Open { value: DeValue::Array(items), .. }) => items.push(value),
            Some(Open { value: DeValue::Table(table), .. }) => {
                insert(table, self.key.take(), value, &mut self.other);
            }
            Some(_) => self.other = true,
            None => {
                let filling = match (self.sub.as_mut(), self.element.as_mut()) {
                    (Some(sub), _) => &mut sub.table,
                    (None, Some(element)) => &mut element.table,
                    (None, None) => {
                        self.other = true;
                        return;
                    }
                };
                insert(filling, self.key.take(), value, &mut self.other);
            }
        }
    }

    /// The value of a scalar.
    fn scalar_value(
        &mut self,
        span: Span,
        encoding: Option<Encoding>,
        error: &mut dyn ErrorSink,
    ) -> Option<DeValue<'t>> {
        let raw = self.raw(span, encoding);
        let mut decoded = Cow::Borrowed("");
        let kind = raw.decode_scalar(&mut decoded, error);
        match kind {
            ScalarKind::String => Some(DeValue::String(decoded)),
            ScalarKind::Boolean(value) => Some(DeValue::Boolean(value)),
            // Numbers and dates are rare in a plan's tree: `toml` reads them, as it would in the
            // whole file (a value alone parses as it does after a key).
            ScalarKind::Integer(_) | ScalarKind::Float | ScalarKind::DateTime => {
                DeValue::parse(raw.as_str()).ok().map(Spanned::into_inner)
            }
        }
    }
}

/// `key = value` into `table`; `other` set when there is no key or it is there already.
fn insert<'t>(table: &mut DeTable<'t>, key: Option<Key<'t>>, value: Spanned<DeValue<'t>>, other: &mut bool) {
    let Some(key) = key else {
        *other = true;
        return;
    };
    match table.entry(key) {
        toml::map::Entry::Vacant(entry) => {
            entry.insert(value);
        }
        toml::map::Entry::Occupied(_) => *other = true,
    }
}

impl EventReceiver for Builder<'_> {
    fn std_table_open(&mut self, span: Span, _error: &mut dyn ErrorSink) {
        self.header_opened(span, false);
    }

    fn array_table_open(&mut self, span: Span, _error: &mut dyn ErrorSink) {
        self.header_opened(span, true);
    }

    fn std_table_close(&mut self, span: Span, _error: &mut dyn ErrorSink) {
        self.header_closed(span.end());
    }

    fn array_table_close(&mut self, span: Span, _error: &mut dyn ErrorSink) {
        self.header_closed(span.end());
    }

    fn inline_table_open(&mut self, span: Span, _error: &mut dyn ErrorSink) -> bool {
        self.opened(span, DeValue::Table(DeTable::new()))
    }

    fn inline_table_close(&mut self, span: Span, _error: &mut dyn ErrorSink) {
        self.close_open(span);
    }

    fn array_open(&mut self, span: Span, _error: &mut dyn ErrorSink) -> bool {
        self.opened(span, DeValue::Array(DeArray::new()))
    }

    fn array_close(&mut self, span: Span, _error: &mut dyn ErrorSink) {
        self.close_open(span);
    }

    fn simple_key(&mut self, span: Span, encoding: Option<Encoding>, error: &mut dyn ErrorSink) {
        let raw = self.raw(span, encoding);
        let mut decoded = Cow::Borrowed("");
        raw.decode_key(&mut decoded, error);
        self.key_read(span, decoded);
    }

    fn key_sep(&mut self, _span: Span, _error: &mut dyn ErrorSink) {
        if self.header.is_none() {
            self.other = true;
        }
    }

    fn scalar(&mut self, span: Span, encoding: Option<Encoding>, error: &mut dyn ErrorSink) {
        match self.scalar_value(span, encoding, error) {
            Some(value) => {
                let range = self.range(span);
                self.value(Spanned::new(range, value));
            }
            // `toml` is to say what is wrong with it, if anything.
            None => self.other = true,
        }
    }

    fn error(&mut self, _span: Span, _error: &mut dyn ErrorSink) {
        self.invalid = true;
    }
}

/// Keys and strings the plain form writes without escapes, taken as they are written: what
/// decoding them would give.
impl<'t> super::plain::Receiver<'t> for Builder<'t> {
    fn key_as_written(&mut self, span: Span, _encoding: Option<Encoding>, text: &'t str, _error: &mut dyn ErrorSink) {
        self.key_read(span, Cow::Borrowed(text));
    }

    fn string_as_written(&mut self, span: Span, _encoding: Encoding, text: &'t str, _error: &mut dyn ErrorSink) {
        let range = self.range(span);
        self.value(Spanned::new(range, DeValue::String(Cow::Borrowed(text))));
    }
}

impl<'t> Builder<'t> {
    /// A key read (`decoded`, written at `span`): of the header being read, or of the value that
    /// comes next.
    fn key_read(&mut self, span: Span, decoded: Cow<'t, str>) {
        let key = Spanned::new(self.range(span), decoded);
        if let Some(header) = self.header.as_mut() {
            header.keys.push(key);
        } else if self.key.replace(key).is_some() {
            // A dotted key (`a.b = 1`).
            self.other = true;
        }
    }

    fn header_opened(&mut self, span: Span, array: bool) {
        if self.header.is_some() || !self.open.is_empty() || self.key.is_some() {
            self.other = true;
        }
        self.header = Some(Header { start: span.start(), array, keys: Vec::new() });
    }

    /// An array or inline table (`value`, empty) opened at `span`, the value of the key before
    /// it, if any; always entered.
    fn opened(&mut self, span: Span, value: DeValue<'t>) -> bool {
        let key = self.key.take();
        self.open.push(Open { start: span.start(), key, value });
        true
    }

    /// The array or inline table open closed at `span`.
    fn close_open(&mut self, span: Span) {
        let Some(Open { start, key, value }) = self.open.pop() else {
            self.other = true;
            return;
        };
        self.key = key;
        let range = start + self.offset..span.end() + self.offset;
        self.value(Spanned::new(range, value));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `toml` makes of the part, spans and all, in a form to compare.
    fn by_toml(text: &str, range: Range<usize>) -> String {
        format!("{:#?}", super::super::parts::parse_with_toml(text, range, 0))
    }

    /// The parts of `text` this builder builds, each checked against `toml`'s; how many.
    fn built_as_by_toml(name: &str, text: &str) -> usize {
        let parts = super::super::parts::split(text);
        let mut built = 0;
        for range in parts.head.iter().chain(&parts.batches) {
            match build(text, range.clone(), 0) {
                Built::Table(table) => {
                    built += 1;
                    assert_eq!(format!("{:#?}", Some(table)), by_toml(text, range.clone()), "{name} {range:?}");
                }
                Built::Invalid => assert_eq!(by_toml(text, range.clone()), "None", "{name} {range:?}"),
                Built::Other => {}
            }
        }
        built
    }

    /// Every plan the project ships or tests with: what this builder builds is what `toml`
    /// builds, and it builds the seed's tree.
    #[test]
    fn the_tree_is_built_as_toml_builds_it() {
        let (mut files, mut built) = (0, 0);
        for (name, text) in super::super::project_plan_texts() {
            files += 1;
            built += built_as_by_toml(&name, &text);
        }
        assert!(files > 100 && built > 100, "{built} parts built in {files} files");
        let seed = include_str!("../../plans/maremma-tirreno-2019.toml");
        let parts = super::super::parts::split(seed);
        assert_eq!(built_as_by_toml("seed", seed), parts.batches.len(), "the seed's batches are built");
    }

    /// Headers, keys and values of every kind TOML has, some wrong.
    /// The first [`PLAIN`] of each list are what a batch of the tree usually holds; the others
    /// are left to `toml`, or not TOML.
    const PLAIN: usize = 6;
    const HEADERS: [&str; 10] = [
        "[[indicator]]",
        "[[ indicator ]] # x",
        "[[\"indicator\"]]",
        "[[mission]]",
        "[[indicator.revision]]",
        "[indicator.targets]",
        "[indicator.x.y]",
        "[plan]",
        "[[indicator.targets]]",
        "[[indicator]",
    ];
    const KEYS: [&str; 10] = ["id", "\"a b\"", "2019", "\"\"", "ünit", "'name'", "name", "\"id\"", "a.b", "\"2019\""];
    /// Of the values, the last three are not TOML.
    const VALUES: [&str; 26] = [
        "\"testo\"",
        "'letterale'",
        r#""a\tb\u00e9\"""#,
        "\"\"\"\nriga\nriga\"\"\"",
        "'''\nriga'''",
        "1",
        "+1",
        "0x1F",
        "1_000",
        "1.5",
        "1e3",
        "inf",
        "true",
        "1979-05-27",
        "1979-05-27T07:32:00Z",
        "07:32:00",
        "[1, 2]",
        "[]",
        "[[1], [\"a\"]]",
        "{ a = 1, b = \"≥ 85%\" }",
        "{}",
        "{ a = { b = [1, { c = 2 }] } }",
        "[ { a = 1 }, { b = 2 }, ]",
        "\"non chiusa",
        "",
        "1979-13-45",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config { cases: 512, ..Default::default() })]

        /// Lines of every kind, in any order: what this builder builds is what `toml` builds,
        /// and what it finds not TOML `toml` finds not TOML too.
        #[test]
        fn any_batch_is_built_as_toml_builds_it(
            lines in proptest::collection::vec((0usize..6, 0usize..10, 0usize..10, 0usize..26), 1..12),
            crlf in proptest::bool::ANY,
            tricky in proptest::bool::weighted(0.3),
        ) {
            let end = if crlf { "\r\n" } else { "\n" };
            let mut text = String::from("# plan\n");
            let start = text.len();
            text.push_str("[[indicator]]");
            text.push_str(end);
            for (n, (kind, header, key, value)) in lines.into_iter().enumerate() {
                let (header, key, value) =
                    if tricky { (header, key, value) } else { (header % PLAIN, key % PLAIN, value % 23) };
                match kind {
                    0 => text.push_str(HEADERS[header]),
                    1 => text.push_str("# nota"),
                    // A key of its own, or one of a few (given twice, now and then).
                    2 | 3 => text.push_str(&format!("k{n} = {}", VALUES[value])),
                    _ => text.push_str(&format!("{} = {}", KEYS[key], VALUES[value])),
                }
                text.push_str(end);
            }
            let range = start..text.len();
            match build(&text, range.clone(), 0) {
                Built::Table(table) => {
                    proptest::prop_assert_eq!(format!("{:#?}", Some(table)), by_toml(&text, range));
                }
                Built::Invalid => proptest::prop_assert_eq!(by_toml(&text, range), "None"),
                Built::Other => {}
            }
        }
    }

    /// Shapes left to `toml`, and shapes built, each as `toml` reads them.
    #[test]
    fn unusual_shapes_are_left_to_toml() {
        let other = [
            "[[indicator]]\na.b = 1\n",
            "[[indicator]]\nid = 1\nid = 2\n",
            "[[indicator]]\nx = { a = 1, a = 2 }\n",
            "[plan]\nx = 1\n",
            "x = 1\n[[indicator]]\n",
            "[[indicator]]\n[indicator.a.b]\n",
            "[[mission]]\n[[indicator]]\n[mission.x]\n",
            "[[indicator]]\nx = 1\n[indicator.x]\n",
            "[[indicator]]\nx = [1]\n[[indicator.x]]\n",
            "[[indicator]]\n[indicator.x]\n[indicator.x]\n",
            "[[indicator]]\nd = 1979-05-27x\n",
        ];
        for text in other {
            assert!(matches!(build(text, 0..text.len(), 0), Built::Other), "{text}");
        }
        let built = [
            "[[indicator]]\nid = \"I\"\n[[indicator]]\nid = 'J' # x\n",
            "[[ indicator ]]\n\"id\" = \"\"\"\na\\tb\"\"\"\nw = 0x1F\nf = 1e3\nd = 1979-05-27\nb = true\n",
            "[[indicator]]\nt = { 2019 = \"≥ 85%\", x = [1, [2, { y = 3 }]], z = {} }\n",
            "[[indicator]]\n[[indicator.revision]]\nact = 1\n[[indicator.revision]]\nact = 2\n\
             [indicator.targets]\n2019 = 1\n[[indicator]]\n[[indicator.revision]]\n",
            "[[mission]]\nid = \"M\"\n[[indicator]]\nid = \"I\"\n[[mission]]\nid = \"N\"\n",
        ];
        for text in built {
            // Not at the start of the file: the spans count from it.
            let padded = format!("# \n{text}");
            let range = 3..padded.len();
            let Built::Table(table) = build(&padded, range.clone(), 0) else { panic!("{text}") };
            assert_eq!(format!("{:#?}", Some(table)), by_toml(&padded, range), "{text}");
        }
        for text in ["[[indicator]]\nid = \n", "[[indicator]]\nid = \"\\q\"\n", "[[indicator]]\nx = [1,,]\n"] {
            assert!(matches!(build(text, 0..text.len(), 0), Built::Invalid), "{text}");
            assert_eq!(by_toml(text, 0..text.len()), "None");
        }
    }
}
