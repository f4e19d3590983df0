//! Actual values ("valori a consuntivo"): CSV files → [`Actuals`], checked against the plan.
//!
//! The format is specified in `docs/actuals-format.md`: one row per indicator and year, columns
//! `indicator,year,value` and optionally `numerator,denominator,benchmark,note,source,definition`
//! (Italian names accepted), delimiter `,`, `;` or tab (detected), UTF-8 or Windows-1252. A row
//! may give a period within the year (`2024-S1`) and a measure of the indicator (`RA1.1:riusi`).
//! Every bad row is reported with its file, line and column; none is skipped silently. Workbooks
//! (`.xlsx`, `.ods`...) are read through [`workbook`], which turns each sheet into such a text.

pub mod encoding;
pub mod value;
pub mod workbook;

use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

use crate::diagnostic::{Code, Diagnostic, Location, did_you_mean};
use crate::i18n::Message;
use crate::msg;
use crate::number::Grouping;
use crate::period::Period;
use crate::plan::{NodeIndex, Plan, Unit};
use crate::source::{SourceFile, line_breaks, trim};
use crate::target::Target;
pub use value::Value;

/// What a row is about: an indicator, a period (a year, or a part of one) and which of its values
/// (0: the indicator's own; 1, 2...: its measures, in the order the plan declares them).
pub type Key = (NodeIndex, Period, usize);

/// One actual value of one indicator for one year.
///
/// Kept small (40 bytes): a plan of national scale has millions of rows, and the texts and the
/// benchmark, which few rows have, live out of line in `Details`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actual {
    /// The value (for `n.d.`, [`Value::NotAvailable`]).
    pub value: Value,
    /// Index of the file in [`Actuals::files`].
    pub file: u32,
    /// The 1-based line of the row.
    pub line: u32,
    /// The benchmark and the texts, when the row has any.
    details: Option<Box<Details>>,
}

/// What a row may add to its value: rarely given, so held apart from it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Details {
    benchmark: Option<Decimal>,
    note: Option<Box<str>>,
    source: Option<Box<str>>,
    definition: Option<Box<str>>,
}

impl Actual {
    /// The cluster benchmark for benchmark targets.
    pub fn benchmark(&self) -> Option<Decimal> {
        self.details.as_ref().and_then(|d| d.benchmark)
    }

    /// The reason for a deviation, or any remark.
    pub fn note(&self) -> Option<&str> {
        self.details.as_ref().and_then(|d| d.note.as_deref())
    }

    /// Where the value comes from.
    pub fn source(&self) -> Option<&str> {
        self.details.as_ref().and_then(|d| d.source.as_deref())
    }

    /// How the value was measured, when not by the plan's definition (the `definition` column):
    /// the value is flagged in every output.
    pub fn definition(&self) -> Option<&str> {
        self.details.as_ref().and_then(|d| d.definition.as_deref())
    }
}

/// Every actual value read, by indicator and year.
///
/// The first row of each key is in one of two vectors: `Actuals::entries` when its value is
/// kept, the actual held in the entry itself; `Actuals::places` when it is not (the row had
/// errors or nothing filled in, or its period is not one the reading was asked to keep), where
/// only where it was read is held, so that a second row for the key is still reported as a
/// duplicate. Each indicator's keys form a chain of links (an index into one vector or the
/// other, see `PLACE`) from `Actuals::heads`, so that a lookup (and the check for a
/// duplicate) visits only that indicator's rows, without a hash map of every row. An indicator
/// with more than `LONGEST_CHAIN` keys (every quarter of a thousand years, a file built to be
/// slow) has its keys in `Actuals::long` instead, so that reading stays linear in the rows.
#[derive(Debug, Clone, Default)]
pub struct Actuals {
    /// The files read, as named by the user.
    pub files: Vec<String>,
    /// The first row of each key whose value is kept, in the order read.
    entries: Vec<Entry>,
    /// The first row of each other key, in the order read.
    places: Vec<Place>,
    /// Where the places of each file start in [`Actuals::places`] (the files are read one after
    /// the other, and their rows in order).
    file_places: Vec<usize>,
    /// How many good rows were read (whether their value is kept or not).
    read: usize,
    /// The last link of each node (by [`NodeIndex`]), or [`NONE`].
    heads: Vec<u32>,
    /// How many keys each node (by [`NodeIndex`]) has.
    lengths: Vec<u32>,
    /// The link of each key of the nodes with more than [`LONGEST_CHAIN`] keys.
    long: FxHashMap<Key, u32>,
    /// The periods whose values are kept (every one when `None`).
    keep: Option<Box<[Period]>>,
}

/// The most rows room is made for before they are read (about 100 MB): more are read as they come.
const MOST_ROWS_RESERVED: usize = 1 << 21;

/// The most keys of one indicator looked up by walking its chain: a real plan has a few per
/// year of its horizon (the year, its semesters and quarters, its measures).
const LONGEST_CHAIN: u32 = 64;

/// No entry: the end of a chain.
const NONE: u32 = u32::MAX;

/// The bit of a link that makes it an index into [`Actuals::places`] rather than
/// [`Actuals::entries`].
const PLACE: u32 = 1 << 31;

/// The first row of a key whose value is kept, with its actual (56 bytes: a million rows are
/// 56 MB).
#[derive(Debug, Clone)]
struct Entry {
    period: Period,
    /// The measure's index.
    measure: u32,
    /// The previous link of the same node, or [`NONE`].
    next: u32,
    actual: Actual,
}

/// The first row of a key whose value is not kept: where it was read (20 bytes; its file is
/// found from [`Actuals::file_places`]).
#[derive(Debug, Clone)]
struct Place {
    period: Period,
    /// The measure's index.
    measure: u32,
    /// The previous link of the same node, or [`NONE`].
    next: u32,
    /// The 1-based line of the row.
    line: u32,
}

/// What the first row of a key gave, as recorded.
#[derive(Debug, Clone)]
enum First {
    /// A good value.
    Value(Actual),
    /// A good value, of a period not kept.
    Read,
    /// Nothing: the row had errors (already reported) or nothing filled in.
    Unread,
}

/// The first row of a key, in whichever vector it is.
#[derive(Clone, Copy)]
enum Slot<'a> {
    Entry(&'a Entry),
    Place(&'a Place),
}

impl<'a> Slot<'a> {
    fn period(self) -> Period {
        match self {
            Slot::Entry(entry) => entry.period,
            Slot::Place(place) => place.period,
        }
    }

    fn measure(self) -> u32 {
        match self {
            Slot::Entry(entry) => entry.measure,
            Slot::Place(place) => place.measure,
        }
    }

    fn next(self) -> u32 {
        match self {
            Slot::Entry(entry) => entry.next,
            Slot::Place(place) => place.next,
        }
    }

    /// The actual, when it is kept.
    fn actual(self) -> Option<&'a Actual> {
        match self {
            Slot::Entry(entry) => Some(&entry.actual),
            Slot::Place(_) => None,
        }
    }
}

impl Actuals {
    /// No values, for `files`, room made for about `rows` rows of a plan of `nodes` nodes,
    /// keeping the values of the periods `keep` (every one when `None`).
    fn with_capacity(files: Vec<String>, nodes: usize, rows: usize, keep: Option<&[Period]>) -> Self {
        // When only some periods are kept, most rows are places (20 bytes against an entry's
        // 56): the entries are made room for as they come.
        let (entries, places) = if keep.is_some() { (0, rows) } else { (rows, 0) };
        Self {
            files,
            entries: Vec::with_capacity(entries),
            places: Vec::with_capacity(places),
            file_places: Vec::new(),
            read: 0,
            heads: vec![NONE; nodes],
            lengths: vec![0; nodes],
            long: FxHashMap::default(),
            keep: keep.map(Box::from),
        }
    }

    /// The actual of `indicator` for `year`.
    pub fn get(&self, indicator: NodeIndex, year: i32) -> Option<&Actual> {
        self.get_at(indicator, Period::year(year), 0)
    }

    /// The actual of `indicator` for `period`: its own value (`measure` 0) or a measure's.
    /// `None` also for a period whose values the reading did not keep ([`read_for`]): asking
    /// for one is a mistake of the caller, which debug builds catch.
    pub fn get_at(&self, indicator: NodeIndex, period: Period, measure: usize) -> Option<&Actual> {
        debug_assert!(self.keeps(period), "the values of {period:?} were not kept");
        self.slot(&(indicator, period, measure))?.actual()
    }

    /// Whether the values of `period` are kept.
    pub fn keeps(&self, period: Period) -> bool {
        self.keep.as_ref().is_none_or(|keep| keep.contains(&period))
    }

    /// How many good values were read, of every period (kept or not).
    pub fn len(&self) -> usize {
        self.read
    }

    /// Whether no value was read.
    pub fn is_empty(&self) -> bool {
        self.read == 0
    }

    /// The first row that `link` leads to.
    fn link(&self, link: u32) -> Option<Slot<'_>> {
        if link == NONE {
            None
        } else if link & PLACE != 0 {
            self.places.get((link & !PLACE) as usize).map(Slot::Place)
        } else {
            self.entries.get(link as usize).map(Slot::Entry)
        }
    }

    /// The first row of `key`, when a row gave it.
    fn slot(&self, key: &Key) -> Option<Slot<'_>> {
        self.link(self.find(key)?)
    }

    /// The link to the first row of `key`, when a row gave it.
    fn find(&self, key: &Key) -> Option<u32> {
        let &(indicator, period, measure) = key;
        if *self.lengths.get(indicator.0)? > LONGEST_CHAIN {
            return self.long.get(key).copied();
        }
        let measure = u32::try_from(measure).ok()?;
        let mut link = *self.heads.get(indicator.0)?;
        while let Some(slot) = self.link(link) {
            if slot.period() == period && slot.measure() == measure {
                return Some(link);
            }
            link = slot.next();
        }
        None
    }

    /// Where the first row of `key` was read: (file, line).
    fn place(&self, key: &Key) -> Option<(u32, u32)> {
        let link = self.find(key)?;
        Some(match self.link(link)? {
            Slot::Entry(entry) => (entry.actual.file, entry.actual.line),
            Slot::Place(place) => {
                let at = (link & !PLACE) as usize;
                let file = self.file_places.partition_point(|&start| start <= at).saturating_sub(1);
                (index_u32(file), place.line)
            }
        })
    }

    /// Starts recording the rows of the next file.
    fn begin_file(&mut self) {
        self.file_places.push(self.places.len());
    }

    /// How many entries and places there are, and how many good rows: what
    /// [`Actuals::truncate`] goes back to.
    fn mark(&self) -> (usize, usize, usize) {
        (self.entries.len(), self.places.len(), self.read)
    }

    /// Forgets the rows recorded since `mark`.
    fn truncate(&mut self, (entries, places, read): (usize, usize, usize)) {
        // A chain goes from the newest link to the oldest: the new ones come first.
        let is_new = |link: u32| {
            if link & PLACE != 0 { (link & !PLACE) as usize >= places } else { link as usize >= entries }
        };
        for node in 0..self.heads.len() {
            let mut link = self.heads[node];
            while link != NONE && is_new(link) {
                let slot = self.link(link).expect("a link to a row recorded");
                let (key, next) = ((NodeIndex(node), slot.period(), slot.measure() as usize), slot.next());
                // Its key may be in the map of long chains, even if its chain is no longer long.
                self.long.remove(&key);
                self.lengths[node] -= 1;
                link = next;
            }
            self.heads[node] = link;
        }
        self.entries.truncate(entries);
        self.places.truncate(places);
        self.read = read;
    }

    /// Records the first row of `key`, read at `(file, line)`: its actual when its period is
    /// kept, else where it was read.
    fn insert(&mut self, (indicator, period, measure): Key, (file, line): (u32, u32), first: First) {
        debug_assert_eq!(file as usize + 1, self.file_places.len(), "the rows of the file begun");
        let stored = index_u32(measure);
        let next = self.heads[indicator.0];
        if !matches!(first, First::Unread) {
            self.read += 1;
        }
        let link = match first {
            First::Value(actual) if self.keeps(period) => {
                let at = index_u32(self.entries.len());
                assert!(at < PLACE, "fewer than 2^31 values kept");
                self.entries.push(Entry { period, measure: stored, next, actual });
                at
            }
            _ => {
                let at = index_u32(self.places.len());
                // The last index would make the link [`NONE`].
                assert!(at < PLACE - 1, "fewer than 2^31 - 1 rows");
                self.places.push(Place { period, measure: stored, next, line });
                at | PLACE
            }
        };
        self.heads[indicator.0] = link;
        let length = &mut self.lengths[indicator.0];
        *length += 1;
        if *length == LONGEST_CHAIN + 1 {
            // The chain became too long to walk: from now on its keys are looked up by hash.
            let mut at = link;
            while let Some(slot) = self.link(at) {
                let (key, next) = ((indicator, slot.period(), slot.measure() as usize), slot.next());
                self.long.insert(key, at);
                at = next;
            }
        } else if *length > LONGEST_CHAIN {
            self.long.insert((indicator, period, measure), link);
        }
    }
}

/// An index of a row, a file or a measure as stored: a file of more than 4 billion rows cannot
/// be read into memory in the first place (the CLI refuses files over 1 GiB).
fn index_u32(index: usize) -> u32 {
    u32::try_from(index).expect("fewer than 2^32 rows, files and measures")
}

/// The columns `score` reads, with the names accepted for each (lower case).
const COLUMNS: &[(Column, &[&str])] = &[
    (Column::Indicator, &["indicator", "indicatore", "id", "codice"]),
    (Column::Year, &["year", "anno"]),
    (Column::Value, &["value", "valore", "consuntivo", "valore a consuntivo", "actual"]),
    (Column::Numerator, &["numerator", "numeratore"]),
    (Column::Denominator, &["denominator", "denominatore"]),
    (Column::Benchmark, &["benchmark", "media cluster"]),
    (Column::Note, &["note", "nota", "notes", "motivazione"]),
    (Column::Source, &["source", "fonte"]),
    (Column::Definition, &["definition", "definizione"]),
];

/// Columns written by `cruscotto template` for reading convenience: accepted and ignored.
const INFORMATIONAL: &[&str] = &[
    "name",
    "nome",
    "denominazione",
    "unit",
    "unità",
    "unita",
    "target",
    "services",
    "servizi",
    "polarity",
    "polarità",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Indicator,
    Year,
    Value,
    Numerator,
    Denominator,
    Benchmark,
    Note,
    Source,
    Definition,
}

/// Reads every actuals file against `plan`. Problems (all of them) go to the returned
/// diagnostics; rows with errors are left out of the [`Actuals`].
pub fn read(plan: &Plan, sources: &[SourceFile]) -> (Actuals, Vec<Diagnostic>) {
    read_in_shares(plan, sources, None, &[])
}

/// [`read`], keeping only the values of `periods` (those scoring reads:
/// [`crate::score::periods_read`]). The rows of the other periods are read and checked all the
/// same, with the same findings, duplicates included; only their values are not kept, and
/// [`Actuals::get_at`] does not give them. For a plan of a hundred thousand indicators with ten
/// years of values, nine rows in ten then take 20 bytes instead of 56.
pub fn read_for(plan: &Plan, sources: &[SourceFile], periods: &[Period]) -> (Actuals, Vec<Diagnostic>) {
    read_in_shares(plan, sources, Some(periods), &[])
}

/// [`read_for`] (every period when `keep` is `None`), each file `file` cut into shares near the
/// offsets `splits[file]` instead of one share per core (when the file is big enough): what the
/// tests compare with one pass.
fn read_in_shares(
    plan: &Plan,
    sources: &[SourceFile],
    keep: Option<&[Period]>,
    splits: &[Option<Vec<usize>>],
) -> (Actuals, Vec<Diagnostic>) {
    let files = sources.iter().map(|s| s.name().to_owned()).collect();
    // A line per row, about: room for them all at once rather than copied as the vectors grow.
    // Not more than a few million: the lines are counted in a file anyone can write, and a file
    // of blank lines would otherwise reserve gigabytes for rows it does not have.
    let lines: usize = sources.iter().map(|s| line_breaks(s.text().as_bytes())).sum();
    let mut actuals = Actuals::with_capacity(files, plan.nodes.len(), lines.min(MOST_ROWS_RESERVED), keep);
    let mut diagnostics = Vec::new();
    for file in 0..sources.len() {
        let splits = splits.get(file).and_then(Option::as_deref);
        actuals.begin_file();
        read_file(plan, sources, file, &mut actuals, &mut diagnostics, splits);
    }
    (actuals, diagnostics)
}

/// The delimiter of a file: `,`, `;` or tab, whichever the header line (the first line that is
/// neither blank nor a `#` comment) holds most often outside quotes.
pub fn detect_delimiter(text: &str) -> u8 {
    let header = text.lines().find(|line| is_header_candidate(line)).unwrap_or("");
    let mut counts = [(b',', 0), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for byte in header.bytes() {
        match byte {
            b'"' => quoted = !quoted,
            _ if !quoted => {
                if let Some(slot) = counts.iter_mut().find(|(d, _)| *d == byte) {
                    slot.1 += 1;
                }
            }
            _ => {}
        }
    }
    counts.iter().max_by_key(|(d, n)| (*n, *d == b',')).map_or(b',', |(d, _)| *d)
}

/// Whether a line can be the header: not empty and not a comment. As for the csv reader, a
/// comment is a line whose first character is `#`.
fn is_header_candidate(line: &str) -> bool {
    !line.trim_end_matches('\r').is_empty() && !line.starts_with('#')
}

/// Where each field of `line` starts: its 1-based character column and its byte offset.
fn field_starts(line: &str, delimiter: u8) -> Vec<(usize, usize)> {
    let mut starts = vec![(1, 0)];
    let mut quoted = false;
    for (position, (at, character)) in line.char_indices().enumerate() {
        if character == '"' {
            quoted = !quoted;
        } else if !quoted && character == char::from(delimiter) {
            starts.push((position + 2, at + 1));
        }
    }
    starts
}

struct FileReader<'a> {
    plan: &'a Plan,
    source: &'a SourceFile,
    file: usize,
    delimiter: u8,
    diagnostics: &'a mut Vec<Diagnostic>,
    /// The last line whose fields were located, with [`field_starts`]: a line with thousands of
    /// bad fields is scanned once, not once per field.
    fields_of_line: Option<(u32, Vec<(usize, usize)>)>,
    /// Suggestions ("did you mean") still to be computed in this file: each compares the
    /// unknown id with every indicator of the plan.
    suggestions_left: usize,
    /// The last id found, with what it names: files list an indicator's years one after the
    /// other, so most rows name the id of the row before.
    last_found: Option<(Box<str>, (NodeIndex, usize))>,
    /// Whether a row naming an unknown indicator is left to be read again in turn (a share of
    /// a file read on several cores: the suggestions are the file's, spent in file order).
    defer_unknown: bool,
    /// Whether the row just read was so left.
    deferred: bool,
}

impl<'a> FileReader<'a> {
    fn new(
        plan: &'a Plan,
        source: &'a SourceFile,
        file: usize,
        delimiter: u8,
        diagnostics: &'a mut Vec<Diagnostic>,
    ) -> Self {
        Self {
            plan,
            source,
            file,
            delimiter,
            diagnostics,
            fields_of_line: None,
            suggestions_left: crate::diagnostic::SUGGESTIONS_PER_FILE,
            last_found: None,
            defer_unknown: false,
            deferred: false,
        }
    }
}

impl FileReader<'_> {
    /// The location of field `field` (0-based) on `line`, where it holds `text`.
    fn location(&mut self, line: u32, field: Option<usize>, text: &str) -> Location {
        self.location_of_width(line, field, text.chars().count())
    }

    /// The location of field `field` (0-based) on `line`, `width` characters wide.
    fn location_of_width(&mut self, line: u32, field: Option<usize>, width: usize) -> Location {
        let line_text = self.source.line_text(line as usize);
        if field.is_some() && self.fields_of_line.as_ref().is_none_or(|(located, _)| *located != line) {
            self.fields_of_line = Some((line, field_starts(line_text, self.delimiter)));
        }
        let start = field.and_then(|f| self.fields_of_line.as_ref().and_then(|(_, starts)| starts.get(f).copied()));
        let (mut column, mut at) = start.unwrap_or((1, 0));
        if line_text[at..].starts_with('"') {
            column += 1;
            at += 1;
        }
        Location::in_line(self.source.name(), line as usize, column, at, width.max(1), line_text)
    }

    fn report(&mut self, code: Code, line: u32, field: Option<usize>, text: &str, message: Message) -> &mut Diagnostic {
        let location = self.location(line, field, text);
        self.diagnostics.push(Diagnostic::new(code, message).located(location));
        self.diagnostics.last_mut().expect("just pushed")
    }
}

/// Where a file's columns are, and the names its header gives them.
struct Layout<'h> {
    headers: &'h csv::StringRecord,
    delimiter: u8,
    at: Positions<'h>,
    source: Option<usize>,
    definition: Option<usize>,
}

/// A csv reader of `text`, a file of actual values or a share of one: its first record the
/// header (`has_headers`) or a row.
fn csv_reader(delimiter: u8, has_headers: bool, text: &str) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .comment(Some(b'#'))
        .flexible(true)
        .has_headers(has_headers)
        .from_reader(text.as_bytes())
}

fn read_file(
    plan: &Plan,
    sources: &[SourceFile],
    file: usize,
    actuals: &mut Actuals,
    diagnostics: &mut Vec<Diagnostic>,
    splits: Option<&[usize]>,
) {
    let source = &sources[file];
    let delimiter = detect_delimiter(source.text());
    let mut reader = FileReader::new(plan, source, file, delimiter, diagnostics);
    let mut csv = csv_reader(delimiter, true, source.text());

    let headers = match csv.headers() {
        Ok(headers) => headers.clone(),
        Err(error) => {
            let line = error.position().map_or(1, |p| LineCounter::default().record_line(source, p));
            reader.report(Code::InvalidCsv, line, None, "", msg!("invalid-csv", reason = error));
            return;
        }
    };
    let header_line = source
        .text()
        .lines()
        .position(is_header_candidate)
        .map_or(1, |index| u32::try_from(index + 1).unwrap_or(u32::MAX));
    let Some(columns) = map_columns(&mut reader, &headers, header_line) else { return };
    let column = |wanted: Column| columns.iter().position(|c| *c == Some(wanted));
    let (indicator_at, year_at) = (column(Column::Indicator), column(Column::Year));
    let (Some(indicator_at), Some(year_at)) = (indicator_at, year_at) else { return };
    let (note_at, source_at, definition_at) =
        (column(Column::Note), column(Column::Source), column(Column::Definition));
    let layout = Layout {
        headers: &headers,
        delimiter,
        at: Positions {
            indicator: indicator_at,
            year: year_at,
            value: column(Column::Value),
            numerator: column(Column::Numerator),
            denominator: column(Column::Denominator),
            benchmark: column(Column::Benchmark),
            note: note_at,
            texts: [note_at, source_at, definition_at].map(|at| at.map(|i| (i, headers.get(i).unwrap_or("").trim()))),
        },
        source: source_at,
        definition: definition_at,
    };

    // A big file is read on every core, in shares that start where a record starts, a round of
    // shares (one per core) at a time: the first of a round on this thread, straight into
    // `actuals`, the others apart, recorded after it in order. Rounds of at most
    // `ROWS_PER_SHARE` rows a share bound the rows held apart.
    let text = source.text();
    let data = usize::try_from(csv.position().byte()).unwrap_or(usize::MAX).min(text.len());
    let (starts, at_once) = share_starts(text, data, splits);
    if starts.len() > 1 {
        let before = (reader.diagnostics.len(), actuals.mark(), reader.suggestions_left);
        // Each share: where it starts and ends, and the line it starts on (counted once, from
        // one share to the next).
        let mut line = 1 + line_breaks(&text.as_bytes()[..data]);
        let mut bounds: Vec<Bounds> = Vec::with_capacity(starts.len());
        for (n, &start) in starts.iter().enumerate() {
            let end = starts.get(n + 1).copied().unwrap_or(text.len());
            bounds.push(Bounds { start, end, line });
            line += line_breaks(&text.as_bytes()[start..end]);
        }
        let keep = actuals.keep.clone();
        let work = |share: Bounds| read_share(plan, source, file, &layout, keep.as_deref(), share);
        let mut read = true;
        for (round, shares) in bounds.chunks(at_once).enumerate() {
            let (&Bounds { start, end, line }, others) = shares.split_first().expect("a share at least");
            let (first, others) = std::thread::scope(|scope| {
                let others: Vec<_> = others.iter().map(|&share| crate::parallel::spawn(scope, share, work)).collect();
                let first = if round == 0 {
                    read_rows(&mut reader, &layout, (&mut csv, 0, LineCounter::default()), actuals, sources, end)
                } else {
                    let lines = LineCounter { offset: start, line };
                    let mut csv = csv_reader(delimiter, false, &text[start..]);
                    read_rows(&mut reader, &layout, (&mut csv, start, lines), actuals, sources, end)
                };
                let others: Option<Vec<Share>> =
                    others.into_iter().map(|other| crate::parallel::join(other, work)).collect();
                (first, others)
            });
            let (true, Some(others)) = (first, others) else {
                read = false;
                break;
            };
            for share in others {
                merge_share(&mut reader, &layout, actuals, sources, share);
            }
        }
        if read {
            return;
        }
        // A share did not start where a record starts: the file is read again in one pass.
        reader.diagnostics.truncate(before.0);
        actuals.truncate(before.1);
        reader.suggestions_left = before.2;
        csv = csv_reader(delimiter, true, text);
        if csv.headers().is_err() {
            return;
        }
    }
    read_rows(&mut reader, &layout, (&mut csv, 0, LineCounter::default()), actuals, sources, text.len());
}

/// Reads and records the rows of `csv` (which reads the file from byte `start`, its lines
/// counted by `lines`) up to the record that starts at byte `end` of the file (its end, or the
/// start of the next share): `false` when no record starts there, or when the csv reader fails
/// before it or in a share (then the file is read again in one pass, which reports it).
fn read_rows(
    reader: &mut FileReader<'_>,
    layout: &Layout<'_>,
    (csv, start, mut lines): (&mut csv::Reader<&[u8]>, usize, LineCounter),
    actuals: &mut Actuals,
    sources: &[SourceFile],
    end: usize,
) -> bool {
    let source = reader.source;
    let text = source.text();
    let whole = end >= text.len();
    let one_pass = whole && start == 0;
    let mut record = csv::StringRecord::new();
    loop {
        match csv.read_record(&mut record) {
            Ok(false) => return whole,
            Ok(true) => {}
            Err(_) if !one_pass => return false,
            Err(error) => {
                let line = error.position().map_or(0, |p| lines.record_line(source, p));
                reader.report(Code::InvalidCsv, line, None, "", msg!("invalid-csv", reason = error));
                continue;
            }
        }
        let (line, offset) = match record.position() {
            Some(position) => {
                lines.line_at(text, start.saturating_add(usize::try_from(position.byte()).unwrap_or(usize::MAX)))
            }
            None => (0, 0),
        };
        if !whole && offset >= end {
            return offset == end;
        }
        let line = u32::try_from(line).unwrap_or(u32::MAX);
        if let Some((key, actual)) = read_record(reader, layout, &record, line) {
            let first = actual.map_or(First::Unread, First::Value);
            insert_row(reader, layout, actuals, sources, (key, first), line, || id_width(&record, layout));
        }
    }
}

/// The width of the indicator's field of `record`, where a duplicate is shown.
fn id_width(record: &csv::StringRecord, layout: &Layout<'_>) -> u32 {
    let text = record.get(layout.at.indicator).map_or("", str::trim);
    u32::try_from(text.chars().count()).unwrap_or(u32::MAX)
}

/// Reads one record (at `line`) into its key and actual, reporting every problem it has: `None`
/// for a row with nothing to record (blank, or whose indicator or year is wrong).
fn read_record(
    reader: &mut FileReader<'_>,
    layout: &Layout<'_>,
    record: &csv::StringRecord,
    line: u32,
) -> Option<(Key, Option<Actual>)> {
    let headers = layout.headers;
    let field = |at: Option<usize>| at.and_then(|i| record.get(i)).map(trim).filter(|s| !s.is_empty());
    if record.iter().all(|f| trim(f).is_empty()) {
        return None;
    }
    if record.len() > headers.len() {
        let extra = record.iter().skip(headers.len()).filter(|f| !f.trim().is_empty()).collect::<Vec<_>>().join(", ");
        let message = if extra.is_empty() {
            msg!("invalid-csv-extra-fields", fields = record.len(), header = headers.len())
        } else {
            msg!("invalid-csv-extra-fields-lost", fields = record.len(), header = headers.len(), extra = &extra)
        };
        let help = if layout.delimiter == b',' {
            msg!("invalid-csv-extra-fields-help-comma")
        } else {
            msg!("invalid-csv-extra-fields-help")
        };
        reader.report(Code::InvalidCsv, line, Some(headers.len()), &extra, message).help = Some(help);
        return None;
    }
    if let Some(swallowed) = swallowed_rows(reader.plan, record, layout.delimiter) {
        let message = msg!("invalid-csv-unclosed-quote").count("rows", swallowed);
        reader.report(Code::InvalidCsv, line, None, "", message).help = Some(msg!("invalid-csv-unclosed-quote-help"));
        return None;
    }
    let at = &layout.at;
    let row = Fields {
        line,
        indicator: field(Some(at.indicator)),
        year: field(Some(at.year)),
        value: field(at.value),
        numerator: field(at.numerator),
        denominator: field(at.denominator),
        benchmark: field(at.benchmark),
        note: field(at.note),
        source: field(layout.source),
        definition: field(layout.definition),
    };
    reader.row(&row, at)
}

/// Records a row read at `line`, or reports it as a duplicate of the first row of its key (the
/// indicator's id `width()` characters wide). A row with a bad value still holds its indicator
/// and year: a second row for them is a duplicate too, reported now rather than after the first
/// is fixed.
fn insert_row(
    reader: &mut FileReader<'_>,
    layout: &Layout<'_>,
    actuals: &mut Actuals,
    sources: &[SourceFile],
    (key, first): (Key, First),
    line: u32,
    width: impl FnOnce() -> u32,
) {
    let plan = reader.plan;
    let Some((first_file, first_line)) = actuals.place(&key) else {
        actuals.insert(key, (index_u32(reader.file), line), first);
        return;
    };
    let first_place = format!("{}:{first_line}", actuals.files[first_file as usize]);
    let id = value_id(plan, key.0, key.2);
    let message = msg!("duplicate-actual", id = &id, year = key.1, first = first_place);
    let first = place_of_id(&sources[first_file as usize], first_line, &id);
    // A cross-cutting indicator has one service that reports it: say which.
    let reporter = plan.node(key.0).indicator().and_then(|indicator| plan.reporter(indicator));
    let help = match reporter {
        Some(service) => msg!("duplicate-actual-help-reported-by", id = id, service = &plan.services[service].name),
        None => msg!("duplicate-actual-help"),
    };
    let location = reader.location_of_width(line, Some(layout.at.indicator), width() as usize);
    let mut diagnostic = Diagnostic::new(Code::DuplicateActual, message).located(location);
    diagnostic.help = Some(help);
    diagnostic.related = Some(Box::new((first, msg!("duplicate-actual-first"))));
    reader.diagnostics.push(diagnostic);
}

/// The most rows, about, of a share of a file read on several cores: the rows of the shares
/// read apart are held until recorded (20 bytes each, and the values kept), so a big file is read
/// in rounds of shares of at most this many.
const ROWS_PER_SHARE: usize = 1 << 18;

/// Where each share of a file's data rows starts, and how many are read at once (a round):
/// `data` (where the rows start, after the header), then, for a file big enough to read on
/// several cores, one offset per other core and round (or, from tests, near each of `splits`,
/// two at once), each moved on to the start of the next line that holds something other than a
/// comment. An offset inside a quoted field that spans lines is found out by [`read_share`] or
/// [`read_rows`], and the shares are then given up.
fn share_starts(text: &str, data: usize, splits: Option<&[usize]>) -> (Vec<usize>, usize) {
    let (wanted, at_once): (Vec<usize>, usize) = match splits {
        Some(splits) => (splits.to_vec(), 2),
        None => {
            let rows = line_breaks(&text.as_bytes()[data..]);
            let threads = crate::parallel::threads_for(rows);
            let shares = threads * rows.div_ceil(threads * ROWS_PER_SHARE).max(1);
            ((1..shares).map(|share| data + (text.len() - data) / shares * share).collect(), threads)
        }
    };
    let bytes = text.as_bytes();
    let mut starts = vec![data];
    for mut at in wanted {
        loop {
            // The start of the next line, past blank lines: where a record's position points.
            let Some(end) = bytes.get(at..).and_then(|rest| rest.iter().position(|&b| b == b'\n')) else {
                at = bytes.len();
                break;
            };
            at += end + 1;
            while at < bytes.len() && matches!(bytes[at], b'\r' | b'\n') {
                at += 1;
            }
            if bytes.get(at) != Some(&b'#') {
                break;
            }
        }
        if at < bytes.len() && at > *starts.last().expect("the data's start") {
            starts.push(at);
        }
    }
    (starts, at_once)
}

/// Where a share of a file's rows starts and ends, and the line it starts on.
#[derive(Debug, Clone, Copy)]
struct Bounds {
    start: usize,
    end: usize,
    line: usize,
}

/// What a share read: its findings and the rows to record, in order.
struct Share {
    diagnostics: Vec<Diagnostic>,
    /// Each row to record, in order (the chains are made as the rows are recorded).
    rows: Vec<ShareRow>,
    /// The actuals of the rows that give a value kept ([`GIVES_VALUE`]), in order.
    values: Vec<Actual>,
    /// The rows to read again in turn: how many of `rows` come before each, its record and
    /// its line.
    deferred: Vec<(usize, Box<csv::StringRecord>, u32)>,
}

/// A row of a share to record (20 bytes): its key and line, and what it gave.
struct ShareRow {
    period: Period,
    /// The measure's index, with [`GIVES_VALUE`] or [`GOOD`] set.
    measure: u32,
    node: u32,
    line: u32,
}

/// The bit of [`ShareRow::measure`] set when the row gives a value kept: the next of
/// [`Share::values`].
const GIVES_VALUE: u32 = 1 << 31;

/// The bit of [`ShareRow::measure`] set when the row gives a good value of a period not kept.
const GOOD: u32 = 1 << 30;

/// Reads the rows from `start` (where a record starts) up to the record that starts at `end`;
/// `None` when no record starts there (or the csv reader fails: the whole file is then read in
/// one pass, which reports it). The duplicates are found when the rows are recorded.
fn read_share(
    plan: &Plan,
    source: &SourceFile,
    file: usize,
    layout: &Layout<'_>,
    keep: Option<&[Period]>,
    Bounds { start, end, line }: Bounds,
) -> Option<Share> {
    let text = source.text();
    let mut diagnostics = Vec::new();
    let mut share = FileReader::new(plan, source, file, layout.delimiter, &mut diagnostics);
    share.defer_unknown = true;
    let mut csv = csv_reader(layout.delimiter, false, &text[start..]);
    let mut record = csv::StringRecord::new();
    let mut lines = LineCounter { offset: start, line };
    // A row a line, about: room made at once rather than copied as the vector grows.
    let room = line_breaks(&text.as_bytes()[start..end]).min(MOST_ROWS_RESERVED);
    let mut rows = Vec::with_capacity(room);
    let mut values = Vec::with_capacity(if keep.is_some() { 0 } else { room });
    let mut deferred = Vec::new();
    loop {
        if !csv.read_record(&mut record).ok()? {
            break;
        }
        let at = start + usize::try_from(record.position()?.byte()).ok()?;
        let (line, offset) = lines.line_at(text, at);
        if offset >= end {
            if offset != end {
                return None;
            }
            break;
        }
        let line = u32::try_from(line).unwrap_or(u32::MAX);
        let findings = share.diagnostics.len();
        let read = read_record(&mut share, layout, &record, line);
        if std::mem::take(&mut share.deferred) {
            share.diagnostics.truncate(findings);
            deferred.push((rows.len(), Box::new(record.clone()), line));
        } else if let Some(((indicator, period, measure), actual)) = read {
            let measure = index_u32(measure);
            assert!(measure < GOOD, "fewer than 2^30 measures");
            let flag = match actual {
                Some(actual) if keep.is_none_or(|keep| keep.contains(&period)) => {
                    values.push(actual);
                    GIVES_VALUE
                }
                Some(_) => GOOD,
                None => 0,
            };
            rows.push(ShareRow { period, measure: measure | flag, node: index_u32(indicator.0), line });
        }
    }
    if end < text.len() && lines.offset != end {
        // The last record read ended the text before `end`: no record starts there.
        return None;
    }
    Some(Share { diagnostics, rows, values, deferred })
}

/// Records the rows of a share in order, with its findings where the file read in one pass puts
/// them (a row's findings, then its duplicate's); the rows left to read again are read on
/// `reader`, which spends the file's budget of suggestions.
fn merge_share(
    reader: &mut FileReader<'_>,
    layout: &Layout<'_>,
    actuals: &mut Actuals,
    sources: &[SourceFile],
    share: Share,
) {
    let source = reader.source;
    let mut findings = share.diagnostics.into_iter().peekable();
    let line_of = |diagnostic: &Diagnostic| diagnostic.location.as_ref().map_or(0, |l| l.line);
    let mut deferred = share.deferred.into_iter().peekable();
    let mut rows = share.rows.into_iter().enumerate();
    let mut values = share.values.into_iter();
    loop {
        // The next row: one read again, or one read (what comes first in the file).
        let next_row = rows.next();
        while let Some((_, record, line)) =
            deferred.next_if(|(before, _, _)| next_row.as_ref().is_none_or(|(at, _)| *before <= *at))
        {
            let upto = line as usize;
            while let Some(finding) = findings.next_if(|f| line_of(f) < upto) {
                reader.diagnostics.push(finding);
            }
            if let Some((key, actual)) = read_record(reader, layout, &record, line) {
                let first = actual.map_or(First::Unread, First::Value);
                insert_row(reader, layout, actuals, sources, (key, first), line, || id_width(&record, layout));
            }
        }
        let Some((_, row)) = next_row else { break };
        let line = row.line;
        while let Some(finding) = findings.next_if(|f| line_of(f) <= line as usize) {
            reader.diagnostics.push(finding);
        }
        let key = (NodeIndex(row.node as usize), row.period, (row.measure & !(GIVES_VALUE | GOOD)) as usize);
        let first = if row.measure & GIVES_VALUE != 0 {
            First::Value(values.next().expect("a value for each row that gives one"))
        } else if row.measure & GOOD != 0 {
            First::Read
        } else {
            First::Unread
        };
        insert_row(reader, layout, actuals, sources, (key, first), line, || id_width_at(source, layout, line));
    }
    reader.diagnostics.extend(findings);
}

/// [`id_width`] of the record that starts on `line` of `source`, read again.
fn id_width_at(source: &SourceFile, layout: &Layout<'_>, line: u32) -> u32 {
    let text = &source.text()[source.line_start(line as usize)..];
    let mut record = csv::StringRecord::new();
    match csv_reader(layout.delimiter, false, text).read_record(&mut record) {
        Ok(true) => id_width(&record, layout),
        _ => 0,
    }
}

/// How many rows an unclosed quote swallowed: lines inside one field that start like a row of
/// the file (an indicator id of the plan and the delimiter). A note may span lines legitimately
/// (Alt+Enter in an Excel cell); a field holding whole rows is a quote that was never closed.
fn swallowed_rows(plan: &Plan, record: &csv::StringRecord, delimiter: u8) -> Option<usize> {
    // Most records hold no line break: their fields are searched at once.
    memchr::memchr(b'\n', record.as_slice().as_bytes())?;
    let delimiter = char::from(delimiter);
    let count = record
        .iter()
        .filter(|field| field.contains('\n'))
        .flat_map(|field| field.lines().skip(1))
        .filter(|line| {
            line.split(delimiter).next().is_some_and(|id| plan.find(id.trim()).is_some()) && line.contains(delimiter)
        })
        .count();
    (count > 0).then_some(count)
}

/// Where `id` is written on `line` of `source`: the field that holds it, or the line's start.
fn place_of_id(source: &SourceFile, line: u32, id: &str) -> Location {
    let line_text = source.line_text(line as usize);
    let delimiter = detect_delimiter(source.text());
    let field = |at: usize| line_text[at..].split(char::from(delimiter)).next().unwrap_or("").trim().trim_matches('"');
    let (column, at) =
        field_starts(line_text, delimiter).into_iter().find(|&(_, at)| field(at) == id).unwrap_or((1, 0));
    Location::in_line(source.name(), line as usize, column, at, id.chars().count().max(1), line_text)
}

/// The 1-based line where each record starts, counted as the file is read. The csv crate's own
/// line count is one short after a CRLF line end (what Excel writes), so the line is computed
/// from the record's byte offset, which may point at the end of the previous line. Records come
/// in file order, so the line breaks are counted once, from the last record on, without the
/// index of every line of the file [`SourceFile::position`] builds.
#[derive(Default)]
struct LineCounter {
    /// The offset counted up to, and the line it is on.
    offset: usize,
    line: usize,
}

impl LineCounter {
    fn record_line(&mut self, source: &SourceFile, position: &csv::Position) -> u32 {
        let at = usize::try_from(position.byte()).unwrap_or(usize::MAX);
        u32::try_from(self.line_at(source.text(), at).0).unwrap_or(u32::MAX)
    }

    /// The line of the record whose position is byte `at` of `text`, and the offset where its
    /// text starts (past the line breaks the position may point at).
    fn line_at(&mut self, text: &str, at: usize) -> (usize, usize) {
        let text = text.as_bytes();
        let mut offset = at.min(text.len());
        while offset < text.len() && matches!(text[offset], b'\r' | b'\n') {
            offset += 1;
        }
        if offset < self.offset || self.line == 0 {
            *self = Self { offset: 0, line: 1 };
        }
        self.line += line_breaks(&text[self.offset..offset]);
        self.offset = offset;
        (self.line, offset)
    }
}

/// A data row's fields, trimmed, `None` when empty.
struct Fields<'r> {
    line: u32,
    indicator: Option<&'r str>,
    year: Option<&'r str>,
    value: Option<&'r str>,
    numerator: Option<&'r str>,
    denominator: Option<&'r str>,
    benchmark: Option<&'r str>,
    note: Option<&'r str>,
    source: Option<&'r str>,
    definition: Option<&'r str>,
}

/// Where each column is (0-based field index).
struct Positions<'h> {
    indicator: usize,
    year: usize,
    value: Option<usize>,
    numerator: Option<usize>,
    denominator: Option<usize>,
    benchmark: Option<usize>,
    note: Option<usize>,
    /// The columns of free text (note, source, definition): where each is, and its name as the
    /// header writes it.
    texts: [Option<(usize, &'h str)>; 3],
}

/// The id a row names: `S1.1`, or `RA1.1:riusi` for a measure.
fn value_id(plan: &Plan, indicator: NodeIndex, measure: usize) -> String {
    let node = plan.node(indicator);
    match measure.checked_sub(1).and_then(|m| node.indicator()?.rare().measures.get(m)) {
        Some(measure) => format!("{}:{}", node.id, measure.id),
        None => node.id.clone(),
    }
}

/// Matches header names to columns; reports unknown and missing ones.
fn map_columns(reader: &mut FileReader<'_>, headers: &csv::StringRecord, line: u32) -> Option<Vec<Option<Column>>> {
    let mut columns = Vec::new();
    for (position, name) in headers.iter().enumerate() {
        let wanted = name.trim().trim_start_matches('\u{feff}').to_lowercase();
        let column = COLUMNS.iter().find(|(_, names)| names.contains(&wanted.as_str())).map(|(c, _)| *c);
        if let Some(first) = columns.iter().position(|c| column.is_some() && *c == column) {
            let first_name = headers.get(first).unwrap_or_default();
            let message = msg!("invalid-csv-same-column", name = name, first = first_name, column = first + 1);
            reader.report(Code::InvalidCsv, line, Some(position), name, message).help =
                Some(msg!("invalid-csv-same-column-help"));
            columns.push(None);
            continue;
        }
        if column.is_none() && !INFORMATIONAL.contains(&wanted.as_str()) && !wanted.is_empty() {
            let all = COLUMNS.iter().flat_map(|(_, names)| names.iter().copied());
            let help = match did_you_mean(&wanted, all) {
                Some(suggestion) => msg!("did-you-mean", suggestion = suggestion),
                None => msg!("unknown-column-help"),
            };
            reader.report(Code::UnknownColumn, line, Some(position), name, msg!("unknown-column", name = name)).help =
                Some(help);
        }
        columns.push(column);
    }
    let mut complete = true;
    for required in [Column::Indicator, Column::Year] {
        if !columns.contains(&Some(required)) {
            let english = COLUMNS.iter().find(|(c, _)| *c == required).map_or("", |(_, names)| names[0]);
            reader.report(Code::MissingColumn, line, None, "", msg!("missing-column", name = english)).help =
                Some(msg!("missing-column-help"));
            complete = false;
        }
    }
    let has_ratio = columns.contains(&Some(Column::Numerator)) && columns.contains(&Some(Column::Denominator));
    if !columns.contains(&Some(Column::Value)) && !has_ratio {
        reader.report(Code::MissingColumn, line, None, "", msg!("missing-column", name = "value")).help =
            Some(msg!("missing-column-value-help"));
        complete = false;
    }
    complete.then_some(columns)
}

impl FileReader<'_> {
    /// Reads one row into its key and actual, reporting every problem it has. The key comes
    /// back whenever the indicator and year are good, the actual only when the whole row is.
    fn row(&mut self, row: &Fields<'_>, at: &Positions<'_>) -> Option<(Key, Option<Actual>)> {
        let line = row.line;
        let indicator = match row.indicator {
            None => {
                self.report(Code::UnknownIndicator, line, Some(at.indicator), "", msg!("unknown-indicator-empty"));
                None
            }
            Some(id) => match &self.last_found {
                Some((last, found)) if **last == *id => Some(*found),
                _ => {
                    let found = self.indicator(id, line, at);
                    self.last_found = found.map(|found| (id.into(), found));
                    found
                }
            },
        };
        let period = self.period(row, at);
        let ((indicator, measure), period) = (indicator?, period?);
        let definition = self.plan.node(indicator).indicator().expect("checked above");
        let (unit, scale) = match measure.checked_sub(1) {
            Some(m) => (definition.rare().measures[m].unit, None),
            None => (definition.unit, definition.rare().scale.map(|s| &self.plan.scales[s])),
        };
        let key = (indicator, period, measure);

        let mut ok = true;
        if (row.numerator.is_some() || row.denominator.is_some()) && !unit.is_numeric() {
            let (text, field) =
                row.numerator.map_or((row.denominator.unwrap_or(""), at.denominator), |n| (n, at.numerator));
            let id = value_id(self.plan, indicator, measure);
            let message = msg!("invalid-actual-ratio-of-non-number", id = id, unit = unit.as_str());
            self.report(Code::InvalidActual, line, field, text, message).help = Some(value_help(unit));
            return Some((key, None));
        }
        let ratio = match (row.numerator, row.denominator) {
            (Some(numerator), Some(denominator)) => self.ratio(row, at, unit, numerator, denominator),
            _ => None,
        };
        if row.numerator.is_some() && row.denominator.is_some() && ratio.is_none() {
            ok = false;
        }
        let value = match (row.value, row.numerator, row.denominator) {
            (Some(text), _, _) => match value::parse(text, unit, scale, self.grouping()) {
                Ok(value) => {
                    if measure == 0 {
                        self.check_fraction(&value, text, indicator, period, line, at.value);
                    }
                    Some(value)
                }
                Err(reason) => {
                    let id = value_id(self.plan, indicator, measure);
                    let message = msg!("invalid-actual", id = id, year = period).message("reason", reason);
                    self.report(Code::InvalidActual, line, at.value, text, message).help = Some(value_help(unit));
                    ok = false;
                    None
                }
            },
            (None, Some(_), Some(_)) => ratio,
            (None, Some(_), None) | (None, None, Some(_)) => {
                let (text, field) =
                    row.numerator.map_or((row.denominator.unwrap_or(""), at.denominator), |n| (n, at.numerator));
                self.report(Code::InvalidActual, line, field, text, msg!("invalid-actual-half-ratio"));
                ok = false;
                None
            }
            // A blank value: not filled in yet. Scored as missing, never as zero.
            (None, None, None) => None,
        };
        let benchmark = match row.benchmark {
            None => None,
            Some(text) => match value::number(text, unit, self.grouping()) {
                Ok(number) => Some(number),
                Err(reason) => {
                    let id = value_id(self.plan, indicator, measure);
                    let message = msg!("invalid-actual-benchmark", id = id, year = period).message("reason", reason);
                    self.report(Code::InvalidActual, line, at.benchmark, text, message).help =
                        Some(msg!("invalid-actual-benchmark-help"));
                    ok = false;
                    None
                }
            },
        };
        if !ok {
            return Some((key, None));
        }
        let value = match value {
            Some(value) => value,
            None if row.numerator.is_some() => return Some((key, None)), // a bad ratio, already reported
            // Nothing filled in: as if the row were not there (merged per-service templates
            // repeat the shared indicators' rows, blank in all but one).
            None if benchmark.is_none() && row.note.is_none() && row.source.is_none() && row.definition.is_none() => {
                return None;
            }
            None => Value::NotAvailable,
        };
        if !self.has_evidence(&value, key, row, at) {
            return Some((key, None));
        }
        for (text, column) in [row.note, row.source, row.definition].into_iter().zip(at.texts) {
            if let (Some(text), Some((field, name))) = (text, column) {
                self.hidden_characters(line, field, name, text);
            }
        }
        let has_details = benchmark.is_some() || row.note.is_some() || row.source.is_some() || row.definition.is_some();
        let details = has_details.then(|| {
            Box::new(Details {
                benchmark,
                note: row.note.map(Into::into),
                source: row.source.map(Into::into),
                definition: row.definition.map(Into::into),
            })
        });
        let actual = Actual { value, file: index_u32(self.file), line, details };
        Some((key, Some(actual)))
    }

    /// A judgment (`sì`, `no`, a level) of a qualitative result rests on its evidence: the
    /// `note` says what shows it. Without it the row is an error.
    fn has_evidence(
        &mut self,
        value: &Value,
        (indicator, period, measure): Key,
        row: &Fields<'_>,
        at: &Positions<'_>,
    ) -> bool {
        if row.note.is_some() || !matches!(value, Value::YesNo(_) | Value::Level(_)) {
            return true;
        }
        let definition = self.plan.node(indicator).indicator().expect("an indicator");
        let measure_id = measure.checked_sub(1).map(|m| definition.rare().measures[m].id.as_str());
        let Some(target) = definition.target_at(period) else { return true };
        let qualitative = target.conditions().into_iter().find_map(|(on, condition)| match condition {
            Target::Qualitative(text) if on == measure_id => Some(text),
            _ => None,
        });
        let Some(result) = qualitative else { return true };
        let id = value_id(self.plan, indicator, measure);
        let message = msg!("missing-evidence", id = id, period = period, value = value, result = result);
        // At the empty note, when the file has the column; else at the judgment.
        let (field, text) = match at.note {
            Some(note) => (Some(note), ""),
            None => (at.value, row.value.unwrap_or("")),
        };
        self.report(Code::MissingEvidence, row.line, field, text, message).help = Some(msg!("missing-evidence-help"));
        false
    }

    /// The indicator (and measure) a row names: `S1.1`, or `RA1.1:riusi` for a measure.
    fn indicator(&mut self, text: &str, line: u32, at: &Positions<'_>) -> Option<(NodeIndex, usize)> {
        let (id, measure) = match text.split_once(':') {
            Some((id, measure)) => (id.trim(), Some(measure.trim())),
            None => (text, None),
        };
        let Some(index) = self.plan.find(id).filter(|&i| self.plan.node(i).indicator().is_some()) else {
            if self.defer_unknown {
                self.deferred = true;
                return None;
            }
            let known = self.plan.indicators().map(|i| self.plan.node(i).id.as_str());
            let suggestion = (self.suggestions_left > 0).then(|| did_you_mean(id, known)).flatten();
            self.suggestions_left = self.suggestions_left.saturating_sub(1);
            let help = match suggestion {
                Some(suggestion) => msg!("did-you-mean", suggestion = suggestion),
                None => msg!("unknown-indicator-help"),
            };
            let message = if self.plan.find(id).is_some() {
                msg!("unknown-indicator-not-an-indicator", id = id)
            } else {
                msg!("unknown-indicator", id = id)
            };
            self.report(Code::UnknownIndicator, line, Some(at.indicator), text, message).help = Some(help);
            return None;
        };
        let Some(measure) = measure else { return Some((index, 0)) };
        let indicator = self.plan.node(index).indicator().expect("an indicator");
        match indicator.measure(measure) {
            Some((position, _)) => Some((index, position)),
            None => {
                let declared: Vec<String> =
                    indicator.rare().measures.iter().map(|m| format!("`{id}:{}`", m.id)).collect();
                let message = msg!("unknown-measure-row", id = id, measure = measure);
                let help = if declared.is_empty() {
                    msg!("unknown-measure-row-help-none", id = id)
                } else {
                    msg!("unknown-measure-help", declared = declared.join(", "))
                };
                self.report(Code::UnknownIndicator, line, Some(at.indicator), text, message).help = Some(help);
                None
            }
        }
    }

    /// What `1.245` means in this file: thousands in a `;`-delimited one, which is what Italian
    /// Excel writes (with a decimal comma); ambiguous in any other.
    fn grouping(&self) -> Grouping {
        if self.delimiter == b';' { Grouping::Point } else { Grouping::Unknown }
    }

    /// The row's period: a year (`2024`) or a part of it (`2024-S1`, `2024-Q3`), in the horizon.
    fn period(&mut self, row: &Fields<'_>, at: &Positions<'_>) -> Option<Period> {
        let text = row.year.unwrap_or("");
        let Some(period) = Period::parse(text).filter(|_| !trim(text).contains(' ')) else {
            let message =
                if text.is_empty() { msg!("invalid-actual-year-empty") } else { msg!("not-a-year", text = text) };
            self.report(Code::InvalidActual, row.line, Some(at.year), text, message);
            return None;
        };
        let metadata = &self.plan.metadata;
        if !metadata.horizon().contains(&period.year) {
            let message = msg!(
                "year-outside-horizon",
                year = period.year,
                first = metadata.first_year,
                last = metadata.last_year
            );
            self.report(Code::YearOutsideHorizon, row.line, Some(at.year), text, message).help =
                Some(msg!("year-outside-horizon-help"));
            return None;
        }
        Some(period)
    }

    fn ratio(
        &mut self,
        row: &Fields<'_>,
        at: &Positions<'_>,
        unit: Unit,
        numerator: &str,
        denominator: &str,
    ) -> Option<Value> {
        let grouping = self.grouping();
        let parse = |text: &str| value::bare_number(text, grouping);
        let numerator_value = parse(numerator);
        let denominator_value = parse(denominator);
        if let Err(reason) = &numerator_value {
            let message = msg!("invalid-actual-numerator").message("reason", reason.clone());
            self.report(Code::InvalidActual, row.line, at.numerator, numerator, message);
        }
        if let Err(reason) = &denominator_value {
            let message = msg!("invalid-actual-denominator").message("reason", reason.clone());
            self.report(Code::InvalidActual, row.line, at.denominator, denominator, message);
        }
        let (numerator_value, denominator_value) = (numerator_value.ok()?, denominator_value.ok()?);
        if denominator_value.is_zero() {
            self.report(Code::ZeroDenominator, row.line, at.denominator, denominator, msg!("zero-denominator")).help =
                Some(msg!("zero-denominator-help"));
            return None;
        }
        // A percentage is in percent points: 45 / 50 is 90%.
        let scale = if unit == Unit::Percent { Decimal::ONE_HUNDRED } else { Decimal::ONE };
        let ratio = numerator_value.checked_div(denominator_value).and_then(|ratio| ratio.checked_mul(scale));
        match ratio.map(|ratio| crate::number::in_range(ratio, &format!("{numerator} / {denominator}"))) {
            Some(Ok(ratio)) => Some(Value::Number(ratio)),
            _ => {
                let message =
                    msg!("invalid-actual-ratio-out-of-range", numerator = numerator, denominator = denominator);
                self.report(Code::InvalidActual, row.line, at.denominator, denominator, message).help =
                    Some(msg!("invalid-actual-ratio-out-of-range-help"));
                None
            }
        }
    }

    /// Warns of the characters of a free text (`text`, in column `name`) that cannot be seen or
    /// that reorder the text around them: the results show them escaped, but the workbooks, the
    /// CSV and the JSON keep the text as written, where they show as nothing or turn it around.
    fn hidden_characters(&mut self, line: u32, field: usize, name: &str, text: &str) {
        let hidden = crate::render::style::hidden_in(text);
        let Some(&first) = hidden.first() else { return };
        let character = crate::render::style::visible(first.encode_utf8(&mut [0; 4])).into_owned();
        let message = msg!("hidden-character", key = name, character = character).count("count", hidden.len());
        let help = msg!("hidden-character-actuals-help").count("count", hidden.len());
        self.report(Code::HiddenCharacter, line, Some(field), text, message).help = Some(help);
    }

    /// `0,95` for a percentage whose target is `90%` is almost surely 95%.
    fn check_fraction(
        &mut self,
        value: &Value,
        text: &str,
        indicator: NodeIndex,
        period: Period,
        line: u32,
        field: Option<usize>,
    ) {
        let Value::Number(number) = value else { return };
        // The cheap tests first, before the indicator is looked at: this runs for every row.
        let fraction = *number > Decimal::ZERO && *number < Decimal::ONE && !text.contains('%');
        if !fraction {
            return;
        }
        let definition = self.plan.node(indicator).indicator().expect("an indicator");
        if definition.unit != Unit::Percent {
            return;
        }
        let target = definition.target_at(period);
        let higher_is_better = target
            .and_then(|t| t.comparator(definition.polarity))
            .is_some_and(|c| matches!(c, crate::target::Comparator::AtLeast | crate::target::Comparator::MoreThan));
        let large_target = higher_is_better
            && matches!(target, Some(Target::Compare { quantity, .. }) if quantity.value >= Decimal::from(5));
        if large_target {
            let id = &self.plan.node(indicator).id;
            let percent = crate::number::format_italian(*number * Decimal::ONE_HUNDRED);
            let reads_as = crate::number::format_italian(*number);
            let message = msg!("actual-looks-like-fraction", id = id, year = period, text = text, reads_as = reads_as);
            self.report(Code::ActualLooksLikeFraction, line, field, text, message).help =
                Some(msg!("actual-looks-like-fraction-help", percent = percent));
        }
    }
}

/// How to write a value of `unit`, for the help of `invalid-actual`.
fn value_help(unit: Unit) -> Message {
    match unit {
        Unit::Percent => msg!("invalid-actual-help-percent"),
        Unit::Date => msg!("invalid-actual-help-date"),
        Unit::YesNo => msg!("invalid-actual-help-yes-no"),
        Unit::Level => msg!("invalid-actual-help-level"),
        _ => msg!("invalid-actual-help-number", unit = unit.as_str()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::SUGGESTIONS_PER_FILE;

    /// What a read gave, in a form to compare: the entries and places in order with each node's
    /// chain, and every finding.
    fn outcome(plan: &Plan, sources: &[SourceFile], keep: Option<&[Period]>, splits: &[Option<Vec<usize>>]) -> String {
        let (actuals, diagnostics) = read_in_shares(plan, sources, keep, splits);
        let mut long: Vec<_> = actuals.long.iter().map(|(key, at)| format!("{key:?} {at}")).collect();
        long.sort();
        format!(
            "{:#?}\n{:#?}\n{:?}\n{:?}\n{:?}\n{}\n{long:?}\n{diagnostics:#?}",
            actuals.entries, actuals.places, actuals.file_places, actuals.heads, actuals.lengths, actuals.read
        )
    }

    /// The periods the tests keep when they keep some: a year that the files give, and a
    /// semester of it.
    const SOME: &[Period] = &[
        Period { year: 2019, part: crate::period::PeriodPart::Year },
        Period { year: 2019, part: crate::period::PeriodPart::Semester(1) },
    ];

    fn plan_of(path: &str) -> Plan {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(root.join(path)).expect("a plan of the project");
        crate::check_plan(&SourceFile::new(path, text)).plan.expect("a valid plan")
    }

    fn source_of(path: &str) -> SourceFile {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        SourceFile::new(path, std::fs::read_to_string(root.join(path)).expect("an actuals file of the project"))
    }

    /// A file with a bit of everything that can go wrong, against the fixtures' plan: blank and
    /// comment lines, CRLF, typos past the file's budget of suggestions, duplicates near and
    /// far, a note over several lines (one looking like a row), a quote never closed.
    fn troubled_file() -> String {
        let mut text = String::from("# consuntivi\r\nindicatore;anno;valore;nota\r\n");
        // Two unknown ids a round: the budget of suggestions runs out half-way.
        for round in 0..SUGGESTIONS_PER_FILE.div_ceil(2) + 10 {
            text.push_str(&format!("S1.1;2019;9{round};\r\n\r\n"));
            text.push_str(&format!("S1.{};2020;4{round};nota {round}\r\n", round % 3 + 1));
            text.push_str(&format!("S1.1x;2019;{round};\r\n# a comment\r\n"));
            text.push_str("S1.2;2019;31;\"una nota\r\nsu due righe; S1.3;2019;1\"\r\n");
            text.push_str(&format!("S1.3;201{round};15/10/2019;\r\n"));
            text.push_str("S1.9;2020;sì;\r\n");
            text.push_str(&format!("S9.{round};2019;1;\r\n"));
        }
        text.push_str("S1.1;2018;\"tanti\n");
        text
    }

    /// The files the tests read: a troubled one, and every actuals file of the project with its
    /// plan.
    fn cases() -> Vec<(Plan, Vec<SourceFile>)> {
        let fixtures: Vec<String> =
            std::fs::read_dir(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/actuals"))
                .expect("the fixtures")
                .map(|entry| entry.expect("an entry").file_name().to_string_lossy().into_owned())
                .filter(|name| name.ends_with(".csv"))
                .collect();
        let mut cases: Vec<(Plan, Vec<SourceFile>)> =
            vec![(plan_of("tests/fixtures/actuals/plan.toml"), vec![SourceFile::new("troubled.csv", troubled_file())])];
        for name in &fixtures {
            cases.push((
                plan_of("tests/fixtures/actuals/plan.toml"),
                vec![source_of(&format!("tests/fixtures/actuals/{name}"))],
            ));
        }
        cases.push((
            plan_of("plans/maremma-tirreno-2019.toml"),
            vec![source_of("examples/actuals-2016-2018.csv"), source_of("examples/actuals-2019.csv")],
        ));
        for example in ["camera-commercio-2024", "comune-2024", "ministero-2024", "piano-triennale-2024"] {
            cases.push((
                plan_of(&format!("examples/{example}.toml")),
                vec![source_of(&format!("examples/{example}-consuntivi.csv"))],
            ));
        }
        cases
    }

    #[test]
    fn a_file_read_in_shares_gives_what_one_pass_gives() {
        let mut compared = 0;
        for (plan, sources) in &cases() {
            for keep in [None, Some(SOME)] {
                let whole = outcome(plan, sources, keep, &[]);
                for (file, source) in sources.iter().enumerate() {
                    let text = source.text();
                    // A split at every line, and every pair of lines of the smaller files (when
                    // every period is kept).
                    let lines: Vec<usize> = (0..text.len()).filter(|&at| text.as_bytes()[at] == b'\n').collect();
                    let mut splits: Vec<Vec<usize>> = lines.iter().map(|&at| vec![at]).collect();
                    if lines.len() <= 120 && keep.is_none() {
                        for (n, &first) in lines.iter().enumerate() {
                            splits.extend(lines[n + 1..].iter().step_by(3).map(|&second| vec![first, second]));
                        }
                    }
                    for split in splits {
                        let mut per_file = vec![None; sources.len()];
                        per_file[file] = Some(split.clone());
                        let name = source.name();
                        assert_eq!(outcome(plan, sources, keep, &per_file), whole, "{name} split at {split:?}");
                        compared += 1;
                    }
                }
            }
        }
        assert!(compared > 1200, "{compared} comparisons");
    }

    #[test]
    fn keeping_some_periods_keeps_their_values_and_every_finding() {
        // Three files, the third repeating the second: duplicates whose first row is in a file
        // other than the first, of periods kept and not, with values good and bad.
        let again = "indicatore;anno;valore\nS1.1;2018;5\nS1.2;2020;7\nS1.1;2019;8\nS1.2;2018;tanti\n";
        let three = vec![
            SourceFile::new("a.csv", "indicatore;anno;valore\nS1.3;2019;15/10/2019\nS1.1;2020;91\n"),
            SourceFile::new("b.csv", again),
            SourceFile::new("c.csv", again),
        ];
        for keep in [None, Some(SOME)] {
            let (_, findings) = read_in_shares(&plan_of("tests/fixtures/actuals/plan.toml"), &three, keep, &[]);
            let firsts: Vec<String> = findings
                .iter()
                .filter(|d| d.code == Code::DuplicateActual && d.location.as_ref().is_some_and(|l| l.file == "c.csv"))
                .map(|d| d.related.as_ref().map(|r| format!("{}:{}", r.0.file, r.0.line)).unwrap_or_default())
                .collect();
            assert_eq!(firsts, ["b.csv:2", "b.csv:3", "b.csv:4", "b.csv:5"], "{keep:?}");
        }
        let mut cases = cases();
        cases.push((plan_of("tests/fixtures/actuals/plan.toml"), three));
        for (plan, sources) in &cases {
            let (all, all_findings) = read_in_shares(plan, sources, None, &[]);
            let (some, some_findings) = read_in_shares(plan, sources, Some(SOME), &[]);
            assert_eq!(format!("{some_findings:#?}"), format!("{all_findings:#?}"));
            assert_eq!((some.len(), &some.lengths, &some.files), (all.len(), &all.lengths, &all.files));
            let mut kept = 0;
            for node in 0..all.heads.len() {
                let mut link = all.heads[node];
                while let Some(slot) = all.link(link) {
                    let key = (NodeIndex(node), slot.period(), slot.measure() as usize);
                    assert_eq!(some.place(&key), all.place(&key), "{key:?}");
                    let kept_slot = some.slot(&key).expect("every key still found");
                    if SOME.contains(&key.1) {
                        assert_eq!(kept_slot.actual(), slot.actual(), "{key:?}");
                        kept += usize::from(slot.actual().is_some());
                    } else {
                        assert!(kept_slot.actual().is_none(), "{key:?} kept");
                    }
                    link = slot.next();
                }
            }
            assert_eq!(some.entries.len(), kept);
            assert!(some.places.len() >= all.places.len());
        }
    }

    /// A line of an actuals file of the fixtures' plan, chosen by `kind` and `n`.
    fn any_line(kind: usize, n: usize) -> String {
        let id = ["S1.1", "S1.2", "S1.3", "S1.9", "S1.1x", "S9", ""][n % 7];
        let year = ["2018", "2019", "2020", "2030", "anno"][n % 5];
        match kind {
            0 => format!("{id};{year};{n};"),
            1 => format!("{id};{year};{n};nota {n}"),
            2 => String::new(),
            3 => format!("# commento {n}; \""),
            4 => format!("{id};{year};\"nota\nsu due righe; S1.1;2019;{n}\";"),
            5 => format!("{id};{year};{n};nota;in più"),
            6 => format!("{id};{year};{n},5%;\"una; nota\""),
            _ => format!("{id};{year};sì;"),
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config { cases: 256, ..Default::default() })]

        /// Any file, split anywhere, gives what one pass gives.
        #[test]
        fn any_file_split_anywhere_gives_what_one_pass_gives(
            lines in proptest::collection::vec((0usize..8, 0usize..35), 1..80),
            crlf in proptest::bool::ANY,
            splits in proptest::collection::vec(0usize..4000, 1..4),
            keep_some in proptest::bool::ANY,
        ) {
            static PLAN: std::sync::OnceLock<Plan> = std::sync::OnceLock::new();
            let plan = PLAN.get_or_init(|| plan_of("tests/fixtures/actuals/plan.toml"));
            let end = if crlf { "\r\n" } else { "\n" };
            let mut text = format!("indicatore;anno;valore;nota{end}");
            for (kind, n) in lines {
                text.push_str(&any_line(kind, n));
                text.push_str(end);
            }
            let mut splits: Vec<usize> = splits.into_iter().map(|at| at % text.len()).collect();
            splits.sort_unstable();
            let sources = [SourceFile::new("any.csv", text)];
            let keep = keep_some.then_some(SOME);
            proptest::prop_assert_eq!(outcome(plan, &sources, keep, &[Some(splits)]), outcome(plan, &sources, keep, &[]));
        }
    }

    #[test]
    fn shares_start_where_a_line_with_a_record_starts() {
        let text = "indicator,year,value\nS1.1,2019,1\n\n# note\r\n\r\nS1.2,2019,2\nS1.3,2019,3";
        let data = text.find('\n').expect("a header") + 1;
        // After the first line break from each offset, past blank and comment lines.
        assert_eq!(share_starts(text, data, Some(&[data])).0, vec![data, text.find("S1.2").expect("a row")]);
        assert_eq!(
            share_starts(text, data, Some(&[0])).0,
            vec![data, text.find("S1.1,").expect("a row")][..1].to_vec()
        );
        // None past the last line, nor two at the same place.
        assert_eq!(share_starts(text, data, Some(&[text.len() - 3])).0, vec![data]);
        let second = text.find("S1.2").expect("a row");
        assert_eq!(share_starts(text, data, Some(&[data, data + 2])).0, vec![data, second]);
    }
}
