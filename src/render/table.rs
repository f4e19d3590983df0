//! Human tables that fit a width (a terminal's, `--width`, 120 when piped).
//!
//! The layout is decided here, then drawn by comfy-table with the cells already wrapped, so
//! that what is shown is exactly what was decided:
//!
//! 1. a table whose columns fit side by side at their content's width is drawn as it is;
//! 2. otherwise each column has a minimum it is worth showing at: its longest word up to
//!    [`WORD`] characters, its header's longest word, and for names a width to be read at
//!    ([`Fit::min`]); headers with an abbreviation (`ragg. %`) take it when those minimums do
//!    not fit, and while they still do not, the column of lowest priority is left out (a line
//!    under the table names it);
//! 3. the room left goes first to the short columns it makes whole (a number with its
//!    coverage, a header), then one character at a time to the column whose content would
//!    take most lines; text wraps at spaces ([`textwrap`], widths by
//!    [`unicode_width`]: an accented letter is one column, a CJK character two);
//! 4. a word longer than its column is the only thing cut, ending with `…`; when even the
//!    minimums of the columns that must stay are too wide, the widest are narrowed first.
//!
//! The table is never wider than the width asked for, as long as that leaves each column at
//! least [`FLOOR`] characters; a larger width never gives a narrower table.

use std::borrow::Cow;

use comfy_table::{Cell, Color, ContentArrangement, Table};
use unicode_width::UnicodeWidthStr;

use super::style::{Style, truncate};
use crate::i18n::Lang;
use crate::msg;

/// A text made of pieces, written one after the other: the drawn lines of a big table are one
/// piece for each core that drew them, not copied into one string (30 MB for a plan of 100,000
/// indicators). Made [`Pieces::to`] a sink, the pieces are given to it as they are made instead
/// of being held: a table too big to hold ([`render_made`]) goes out a share at a time.
#[derive(Default)]
pub struct Pieces<'s> {
    held: Vec<String>,
    sink: Option<&'s mut dyn FnMut(&str) -> bool>,
    /// Whether the sink said it wants no more (its output closed).
    stopped: bool,
}

impl std::fmt::Debug for Pieces<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pieces").field("held", &self.held).field("stopped", &self.stopped).finish_non_exhaustive()
    }
}

impl<'s> Pieces<'s> {
    /// A text given to `sink` as it is made (and at [`Pieces::finish`]); `sink` returns `false`
    /// when it wants no more, and the rest is then not made where it can be left out.
    pub fn to(sink: &'s mut dyn FnMut(&str) -> bool) -> Self {
        Self { held: Vec::new(), sink: Some(sink), stopped: false }
    }

    /// The piece being written, at the end.
    pub fn last(&mut self) -> &mut String {
        if self.held.is_empty() {
            self.held.push(String::new());
        }
        self.held.last_mut().expect("one piece at least")
    }

    /// Adds a whole piece at the end (given to the sink at once, after what is held), then
    /// starts a new one.
    pub(crate) fn add(&mut self, piece: String) {
        if self.sink.is_some() {
            self.flush();
            self.give(&piece);
        } else {
            self.held.push(piece);
        }
        self.held.push(String::new());
    }

    /// Gives what is held to the sink, if there is one.
    fn flush(&mut self) {
        for piece in std::mem::take(&mut self.held) {
            self.give(&piece);
        }
    }

    fn give(&mut self, piece: &str) {
        if let Some(sink) = &mut self.sink
            && !self.stopped
            && !piece.is_empty()
        {
            self.stopped = !sink(piece);
        }
    }

    /// Whether the rest is wanted: `false` once the sink said it wants no more.
    pub fn wants_more(&self) -> bool {
        !self.stopped
    }

    /// Gives the sink what is still held.
    pub fn finish(mut self) {
        self.flush();
    }

    /// The whole text held.
    pub fn concat(self) -> String {
        self.held.concat()
    }
}

/// How a column gives way when the table is too wide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fit {
    /// 0 for a column always shown; the higher, the sooner it is left out.
    pub priority: u8,
    /// The width the column is worth keeping before columns are left out (or its content's,
    /// when narrower): a name wants room to be read. Every column also keeps its words whole
    /// up to [`WORD`] characters, and its header's words whole.
    pub min: usize,
}

impl Fit {
    /// Always shown.
    pub const KEEP: Fit = Fit { priority: 0, min: 0 };
    /// Always shown, and wide enough to be read: names.
    pub const NAME: Fit = Fit { priority: 0, min: 24 };

    /// Shown while there is room: left out before the columns of lower `priority`.
    pub const fn optional(priority: u8) -> Fit {
        Fit { priority, min: 0 }
    }
}

/// The longest word a column keeps whole before columns are left out: `raggiungimento`,
/// `scostamento`, `parzialmente`; longer ones (`internazionalizzazione`) may be cut.
pub const WORD: usize = 16;

/// One column of a table: its header and how it gives way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// The header, as shown (it wraps at spaces like the cells).
    pub header: String,
    /// The header's abbreviation (`ragg. %` for `raggiungimento %`), used when the table does
    /// not fit at its content's width.
    pub short: Option<String>,
    /// How it gives way.
    pub fit: Fit,
}

impl Column {
    /// A column headed `header`, without abbreviation.
    pub fn new(header: String, fit: Fit) -> Self {
        Self { header, short: None, fit }
    }

    /// The header shown: the abbreviation when `abbreviated` and there is one.
    fn shown_header(&self, abbreviated: bool) -> &str {
        match &self.short {
            Some(short) if abbreviated => short,
            _ => &self.header,
        }
    }
}

/// A cell: its text (line breaks kept) and its colour, if it has one.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TableCell {
    /// The text, already made visible ([`super::style::visible`]).
    pub text: String,
    /// The colour of its text when colour is on.
    pub color: Option<Color>,
}

impl TableCell {
    /// A cell of plain text.
    pub fn new(text: impl Into<String>) -> Self {
        Self { text: text.into(), color: None }
    }

    /// A cell of text in `color`.
    pub fn colored(text: impl Into<String>, color: Color) -> Self {
        Self { text: text.into(), color: Some(color) }
    }
}

impl From<String> for TableCell {
    fn from(text: String) -> Self {
        Self::new(text)
    }
}

/// The narrowest a column is ever made: one letter and the ellipsis that says it was cut.
pub const FLOOR: usize = 2;

/// What the borders and padding of `columns` columns take: `│ a ┆ b │` is 3 per column and 1.
fn frame(columns: usize) -> usize {
    3 * columns + 1
}

/// The display width of `text`'s widest line.
pub fn text_width(text: &str) -> usize {
    // Most cells are one line of printable ASCII: their length, in one pass.
    if is_plain(text) {
        return text.len();
    }
    text.lines().map(line_width).max().unwrap_or(0)
}

/// Whether `text` is all printable ASCII (one line, each byte one column).
fn is_plain(text: &str) -> bool {
    text.bytes().all(|byte| (b' '..=b'~').contains(&byte))
}

/// The display width of `text`'s longest word.
fn longest_word(text: &str) -> usize {
    text.split_whitespace().map(line_width).max().unwrap_or(0)
}

/// The display width of a line: its length in bytes when it is all printable ASCII (most cells
/// of a big table), measured by [`unicode_width`] otherwise.
fn line_width(line: &str) -> usize {
    if is_plain(line) { line.len() } else { line.width() }
}

/// The columns to show (indices into `columns`, in order), their content widths, and whether
/// headers are abbreviated, from each column's widest cell (`content`) and, when asked, each
/// one's longest word (`words`).
fn layout_of(
    columns: &[Column],
    content: &[usize],
    words: impl FnOnce() -> Vec<usize>,
    width: usize,
) -> (Vec<usize>, Vec<usize>, bool) {
    let natural_with = |abbreviated: bool| -> Vec<usize> {
        (0..columns.len()).map(|c| content[c].max(text_width(columns[c].shown_header(abbreviated))).max(1)).collect()
    };
    let all: Vec<usize> = (0..columns.len()).collect();
    let room = |shown: &[usize]| width.saturating_sub(frame(shown.len()));
    let sum = |widths: &[usize], shown: &[usize]| shown.iter().map(|&c| widths[c]).sum::<usize>();
    let natural = natural_with(false);
    if sum(&natural, &all) <= room(&all) {
        return (all, natural, false);
    }
    let words = words();
    let minimum_with = |abbreviated: bool, natural: &[usize]| -> Vec<usize> {
        (0..columns.len())
            .map(|c| {
                let words = words[c].min(WORD);
                // An abbreviation is kept on one line: it is short to be read at once.
                let header = match &columns[c].short {
                    Some(short) if abbreviated => text_width(short),
                    _ => longest_word(&columns[c].header),
                };
                words.max(columns[c].fit.min).max(header).min(natural[c])
            })
            .collect()
    };
    // Headers are abbreviated only when the columns do not fit at their minimums otherwise.
    let mut minimum = minimum_with(false, &natural);
    let abbreviated = sum(&minimum, &all) > room(&all) && columns.iter().any(|c| c.short.is_some());
    let natural = if abbreviated { natural_with(true) } else { natural };
    if abbreviated {
        minimum = minimum_with(true, &natural);
    }
    let mut shown: Vec<usize> = (0..columns.len()).collect();
    let room = |shown: &[usize]| width.saturating_sub(frame(shown.len()));
    let sum = |widths: &[usize], shown: &[usize]| shown.iter().map(|&c| widths[c]).sum::<usize>();
    // Leave out the least wanted columns (the last of them first) while the minimums do not fit.
    while sum(&minimum, &shown) > room(&shown) {
        let Some(drop) = shown
            .iter()
            .enumerate()
            .filter(|(_, c)| columns[**c].fit.priority > 0)
            .max_by_key(|(position, c)| (columns[**c].fit.priority, *position))
            .map(|(position, _)| position)
        else {
            break;
        };
        shown.remove(drop);
    }
    let room = room(&shown);
    let mut widths: Vec<usize> = shown.iter().map(|&c| minimum[c]).collect();
    let lacking = |widths: &[usize], i: usize| natural[shown[i]].saturating_sub(widths[i]);
    let mut total: usize = widths.iter().sum();
    // Too narrow even so: narrow the widest column, one character at a time.
    while total > room {
        let Some(widest) = (0..widths.len()).filter(|&i| widths[i] > FLOOR).max_by_key(|&i| (widths[i], i)) else {
            break;
        };
        widths[widest] -= 1;
        total -= 1;
    }
    // Room to spare: first to the short columns that it makes whole (`99,38 (13/13)`,
    // `attainment %`), the cheapest first; then to the column that lacks most (the first of
    // them on a tie).
    let mut short: Vec<usize> = (0..widths.len()).filter(|&i| natural[shown[i]] <= 2 * WORD).collect();
    short.sort_by_key(|&i| (lacking(&widths, i), i));
    for i in short {
        let lack = lacking(&widths, i);
        if total + lack <= room {
            widths[i] += lack;
            total += lack;
        }
    }
    while total < room {
        // The column whose content would take most lines: the largest natural / width.
        let Some(most) = (0..widths.len())
            .filter(|&i| lacking(&widths, i) > 0)
            .max_by(|&a, &b| (natural[shown[a]] * widths[b]).cmp(&(natural[shown[b]] * widths[a])).then(b.cmp(&a)))
        else {
            break;
        };
        widths[most] += 1;
        total += 1;
    }
    (shown, widths, abbreviated)
}

/// `text` wrapped at spaces to `width` display columns; a word longer than that is cut with `…`.
pub fn wrap(text: &str, width: usize) -> String {
    hanging(text, width, 0)
}

/// [`wrap`], the lines after the first of each paragraph indented by `indent` spaces (a list
/// item's continuation lines).
pub fn hanging(text: &str, width: usize, indent: usize) -> String {
    wrapped(text, width, indent).into_owned()
}

/// [`hanging`], borrowing `text` when every line of it fits (most cells of a big table).
fn wrapped(text: &str, width: usize, indent: usize) -> Cow<'_, str> {
    let width = width.max(indent + FLOOR);
    if is_plain(text) && text.len() <= width || text.split('\n').all(|line| line_width(line) <= width) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    let indent_text = std::cell::OnceCell::new();
    let mut options = None;
    for (n, line) in text.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        if line_width(line) <= width {
            out.push_str(line);
        } else if is_plain(line) {
            wrap_plain(&mut out, line, width, indent);
        } else {
            let indent = indent_text.get_or_init(|| " ".repeat(indent));
            let options = options.get_or_insert_with(|| textwrap_options(width, indent));
            wrap_with_textwrap(&mut out, line, width, options);
        }
    }
    Cow::Owned(out)
}

/// How [`wrapped`] asks `textwrap` to wrap a line: at ASCII spaces, never inside a word, the
/// lines after the first indented by `indent` spaces.
fn textwrap_options(width: usize, indent: &str) -> textwrap::Options<'_> {
    textwrap::Options::new(width)
        .break_words(false)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .subsequent_indent(indent)
}

/// `line` wrapped by `textwrap`, each line cut to `width` (a word longer than that), written
/// at the end of `out`, the lines joined by line breaks.
fn wrap_with_textwrap(out: &mut String, line: &str, width: usize, options: &textwrap::Options<'_>) {
    for (n, wrapped) in textwrap::wrap(line, options).into_iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        out.push_str(&truncate(&wrapped, width));
    }
}

/// What [`wrap_with_textwrap`] writes of a line of printable ASCII, without its allocations: the
/// wrapped cells of a big table (a name, a status, a note on every row) are most of the time it
/// takes to draw. The words are runs of characters other than spaces, each with the spaces that
/// follow it; a line takes words while they fit (its first word always), the spaces after its
/// last left out; the lines after the first are indented by `indent` spaces and are `indent`
/// narrower; a line still too wide (a long word) is cut to `width - 1` characters and `…`.
fn wrap_plain(out: &mut String, line: &str, width: usize, indent: usize) {
    // Writes the line of `text`, the `emitted`th of `line`.
    let emit = |out: &mut String, text: &str, emitted: usize| {
        let indent = if emitted > 0 {
            out.push('\n');
            indent
        } else {
            0
        };
        if indent + text.len() <= width {
            spaces(out, indent);
            out.push_str(text);
        } else {
            // The first `width - 1` characters, their trailing spaces left out, and `…`.
            let kept = width.saturating_sub(1);
            let mut cut: String = std::iter::repeat_n(' ', indent.min(kept)).collect();
            cut.push_str(&text[..kept.saturating_sub(indent).min(text.len())]);
            out.push_str(cut.trim_end());
            out.push('…');
        }
    };
    let bytes = line.as_bytes();
    let mut emitted = 0;
    // The line being made: where it starts, where its last word ends, and its width so far
    // (the spaces after its words included); whether it has a word yet.
    let (mut start, mut end, mut used, mut has_word) = (0, 0, 0, false);
    let mut at = 0;
    while at < bytes.len() {
        let word_start = at;
        while at < bytes.len() && bytes[at] != b' ' {
            at += 1;
        }
        let word_end = at;
        while at < bytes.len() && bytes[at] == b' ' {
            at += 1;
        }
        let room = if emitted == 0 { width } else { width.saturating_sub(indent) };
        if has_word && used + (word_end - word_start) > room {
            emit(out, &line[start..end], emitted);
            emitted += 1;
            (start, used) = (word_start, 0);
        }
        used += at - word_start;
        end = word_end;
        has_word = true;
    }
    emit(out, &line[start..end], emitted);
}

/// The table of `rows` under `columns`, at most `width` characters wide (see the module docs),
/// coloured only when `style` says so; when columns were left out, a line in `lang` under it
/// names them. Ends with a line break.
pub fn render(columns: &[Column], rows: Vec<Vec<TableCell>>, width: u16, style: Style, lang: Lang) -> String {
    let mut text = Pieces::default();
    render_into(&mut text, columns, rows, width, style, lang);
    text.concat()
}

/// [`render`], written at the end of `text`: a big table's rows measured and packed a share at
/// a time on every core (and given back once packed), then drawn a round at a time, each round
/// a piece of its own.
pub fn render_into(
    text: &mut Pieces<'_>,
    columns: &[Column],
    rows: Vec<Vec<TableCell>>,
    width: u16,
    style: Style,
    lang: Lang,
) {
    let count = columns.len();
    if !style.color {
        let mut rows = rows;
        // Each share's rows given back where they were packed, on every core.
        let packed = measure_and_pack(count, rows.chunks_mut(DRAWN_AT_ONCE), |round| {
            crate::parallel::map_shares_mut(round, |_, rows| {
                let packed = (Measures::of(count, rows), Packed::of(rows));
                rows.iter_mut().for_each(|row| drop(std::mem::take(row)));
                packed
            })
        });
        draw_packed(text, columns, packed, width, lang);
        return;
    }
    let measures = Measures::of(count, &rows);
    let words = || Packed::of(&rows).longest_words(count);
    let (shown, widths, abbreviated) = layout_of(columns, &measures.content, words, usize::from(width));
    let header: Vec<Cow<'_, str>> =
        shown.iter().zip(&widths).map(|(&c, &w)| wrapped(columns[c].shown_header(abbreviated), w, 0)).collect();
    let body: Vec<Vec<(Cow<'_, str>, Option<Color>)>> = rows
        .iter()
        .map(|row| {
            shown
                .iter()
                .zip(&widths)
                .map(|(&c, &w)| match row.get(c) {
                    Some(cell) => (wrapped(&cell.text, w, 0), cell.color),
                    None => (Cow::Borrowed(""), None),
                })
                .collect()
        })
        .collect();
    let text = text.last();
    text.push_str(&colored_grid(&header, &body));
    text.push('\n');
    hidden_note(text, columns, &shown, width, lang);
}

/// The line under a table that names the columns left out, if any.
fn hidden_note(text: &mut String, columns: &[Column], shown: &[usize], width: u16, lang: Lang) {
    let hidden: Vec<&str> =
        (0..columns.len()).filter(|c| !shown.contains(c)).map(|c| columns[c].header.as_str()).collect();
    if !hidden.is_empty() {
        let note = msg!("table-columns-hidden", columns = hidden.join(", ")).count("count", hidden.len());
        text.push_str(&wrap(&note.render(lang), usize::from(width)));
        text.push('\n');
    }
}

/// How many rows (or items whose rows [`render_made`] makes) are measured and packed, and then
/// drawn, at a time, shared among the cores (a round): beside the packed cells of the whole
/// table, only a round's rows as [`TableCell`]s, or its drawn lines, exist at once (a few
/// megabytes).
const DRAWN_AT_ONCE: usize = 2 * crate::parallel::PARALLEL_FROM;

/// What the rows of a share measure, column by column: the widest cell ([`text_width`]) and the
/// widest line as drawn ([`drawn_width`]). (The longest words, which only a table too wide for
/// its content needs, are measured then, from the packed cells.)
#[derive(Clone)]
struct Measures {
    content: Vec<usize>,
    drawn: Vec<usize>,
}

impl Measures {
    fn of(count: usize, rows: &[Vec<TableCell>]) -> Self {
        let mut measures = Self { content: vec![0; count], drawn: vec![0; count] };
        for row in rows {
            for (column, cell) in row.iter().enumerate().take(count) {
                let text = cell.text.as_str();
                // Most cells are one line of printable ASCII: both widths are its length.
                let (content, drawn) =
                    if is_plain(text) { (text.len(), text.len()) } else { (text_width(text), drawn_width(text)) };
                measures.content[column] = measures.content[column].max(content);
                measures.drawn[column] = measures.drawn[column].max(drawn);
            }
        }
        measures
    }

    fn merge(mut self, other: Self) -> Self {
        for (mine, theirs) in [(&mut self.content, other.content), (&mut self.drawn, other.drawn)] {
            mine.iter_mut().zip(theirs).for_each(|(a, b)| *a = (*a).max(b));
        }
        self
    }
}

/// The width of `text` as drawn: its widest line, measured line by line as comfy-table does
/// (`lines` would also drop a `\r`).
fn drawn_width(text: &str) -> usize {
    if is_plain(text) { text.len() } else { text.split('\n').map(line_width).max().unwrap_or(0) }
}

/// The cells of a share of a table's rows, packed: their texts one after the other in one
/// string (a row of eight cells takes some 130 bytes instead of 400 as [`TableCell`]s).
struct Packed {
    text: String,
    /// Where each cell's text ends in `text`.
    ends: Vec<usize>,
    /// Where each row's cells end in `ends`.
    rows: Vec<usize>,
}

impl Packed {
    fn of(rows: &[Vec<TableCell>]) -> Self {
        let length = rows.iter().flatten().map(|cell| cell.text.len()).sum();
        let mut packed = Self {
            text: String::with_capacity(length),
            ends: Vec::with_capacity(rows.iter().map(Vec::len).sum()),
            rows: Vec::with_capacity(rows.len()),
        };
        for row in rows {
            for cell in row {
                packed.text.push_str(&cell.text);
                packed.ends.push(packed.text.len());
            }
            packed.rows.push(packed.ends.len());
        }
        packed
    }

    /// Each row's cells (their indices), in order.
    fn rows(&self) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
        let starts = std::iter::once(0).chain(self.rows.iter().copied());
        starts.zip(self.rows.iter().copied()).map(|(start, end)| start..end)
    }

    /// Each of the first `count` columns' longest word.
    fn longest_words(&self, count: usize) -> Vec<usize> {
        let mut words = vec![0; count];
        for row in self.rows() {
            for (c, word) in words.iter_mut().enumerate() {
                *word = (*word).max(self.cell(&row, c).map_or(0, longest_word));
            }
        }
        words
    }

    /// The text of cell `c` of `row`, if the row has it.
    fn cell(&self, row: &std::ops::Range<usize>, c: usize) -> Option<&str> {
        let at = row.start + c;
        if at >= row.end {
            return None;
        }
        let start = if at == 0 { 0 } else { self.ends[at - 1] };
        Some(&self.text[start..self.ends[at]])
    }
}

/// [`render_into`] for a table too big to hold as [`TableCell`]s: the rows of `items` are made by
/// `make` (the rows of a share of the items, in order) on every core, measured and packed; then
/// drawn a share at a time on every core, each share given to `out` once drawn. The table is the
/// one [`render_into`] draws of the same rows; in colour (a terminal's), it is drawn that way.
pub fn render_made<T: Sync>(
    out: &mut Pieces<'_>,
    columns: &[Column],
    items: &[T],
    make: impl Fn(&[T]) -> Vec<Vec<TableCell>> + Sync,
    width: u16,
    style: Style,
    lang: Lang,
) {
    if style.color {
        render_into(out, columns, make(items), width, style, lang);
        return;
    }
    let count = columns.len();
    let packed = measure_and_pack(count, items.chunks(DRAWN_AT_ONCE), |round| {
        crate::parallel::map_shares(round, |items| {
            let rows = make(items);
            (Measures::of(count, &rows), Packed::of(&rows))
        })
    });
    draw_packed(out, columns, packed, width, lang);
}

/// A table's rows measured and packed: the measures of them all, and the packed shares of each
/// round, in order.
type MeasuredRows = (Measures, Vec<Vec<Packed>>);

/// The rows of `rounds` (of [`DRAWN_AT_ONCE`] items each), each round's shares measured and
/// packed by `pack`, on every core.
fn measure_and_pack<R>(
    count: usize,
    rounds: impl Iterator<Item = R>,
    mut pack: impl FnMut(R) -> Vec<(Measures, Packed)>,
) -> MeasuredRows {
    let mut measures = Measures::of(count, &[]);
    let mut packed = Vec::new();
    for round in rounds {
        let mut packs = Vec::new();
        for (share, pack) in pack(round) {
            measures = measures.merge(share);
            packs.push(pack);
        }
        packed.push(packs);
    }
    (measures, packed)
}

/// Draws measured and packed rows under `columns`, at most `width` wide, without colour: laid
/// out from the measures, drawn a round at a time on every core, each round given to `out` as a
/// piece of its own (line by line, the same bytes comfy-table's condensed style draws: each
/// column as wide as its widest line, at least 1, padded by a space on each side), then the
/// line that names the columns left out.
fn draw_packed(out: &mut Pieces<'_>, columns: &[Column], (measures, rounds): MeasuredRows, width: u16, lang: Lang) {
    // Each column's longest word, on every core, when the table does not fit as it is.
    let words = || {
        let mut words = vec![0; columns.len()];
        for packs in &rounds {
            for share in crate::parallel::map_each(packs, |packed| packed.longest_words(columns.len())) {
                words.iter_mut().zip(share).for_each(|(word, share)| *word = (*word).max(share));
            }
        }
        words
    };
    let (shown, widths, abbreviated) = layout_of(columns, &measures.content, words, usize::from(width));
    let header: Vec<Cow<'_, str>> =
        shown.iter().zip(&widths).map(|(&c, &w)| wrapped(columns[c].shown_header(abbreviated), w, 0)).collect();
    draw_rounds(out, &header, &measures, rounds, ShownCells { shown: &shown, widths: &widths });
    hidden_note(out.last(), columns, &shown, width, lang);
}

/// The grid of `header` and the packed rows, their shown cells wrapped to their widths.
fn draw_rounds(
    out: &mut Pieces<'_>,
    header: &[Cow<'_, str>],
    measures: &Measures,
    rounds: Vec<Vec<Packed>>,
    cells: ShownCells<'_>,
) {
    let ShownCells { shown, widths } = cells;
    // The widths drawn: a column none of whose cells is wrapped is as wide as its widest line;
    // the cells of the others are wrapped to be measured.
    let mut drawn: Vec<usize> = header.iter().map(|text| drawn_width(text).max(1)).collect();
    let wraps: Vec<bool> = shown.iter().zip(widths).map(|(&c, &w)| measures.drawn[c] > w).collect();
    for (position, &c) in shown.iter().enumerate() {
        if !wraps[position] {
            drawn[position] = drawn[position].max(measures.drawn[c]);
        }
    }
    // The cells wrapped (those that did not fit), by round and pack: (row, shown column, text),
    // in order, kept from measuring to drawing.
    let mut wrapped_cells: Vec<Vec<Vec<WrappedCell>>> = Vec::new();
    if wraps.contains(&true) {
        for packs in &rounds {
            let shares = crate::parallel::map_each(packs, |packed| {
                let mut widest = vec![0; shown.len()];
                let mut kept = Vec::new();
                for (at, row) in packed.rows().enumerate() {
                    for (position, &c) in shown.iter().enumerate().filter(|&(position, _)| wraps[position]) {
                        let text = wrapped(packed.cell(&row, c).unwrap_or(""), widths[position], 0);
                        widest[position] = widest[position].max(drawn_width(&text));
                        if let Cow::Owned(text) = text {
                            kept.push((at, position, text));
                        }
                    }
                }
                (widest, kept)
            });
            let mut round = Vec::with_capacity(shares.len());
            for (share, kept) in shares {
                drawn.iter_mut().zip(share).for_each(|(width, share)| *width = (*width).max(share));
                round.push(kept);
            }
            wrapped_cells.push(round);
        }
    }
    let text = out.last();
    border(text, &drawn, ['┌', '─', '┬', '┐']);
    lines(text, &mut Vec::new(), &drawn, header.iter().map(|text| text.as_ref()));
    border(text, &drawn, ['╞', '═', '╪', '╡']);
    let mut wrapped_cells = wrapped_cells.into_iter();
    for packs in rounds {
        if !out.wants_more() {
            return;
        }
        let kept = wrapped_cells.next().unwrap_or_default();
        let work: Vec<(&Packed, &[WrappedCell])> =
            packs.iter().enumerate().map(|(n, packed)| (packed, kept.get(n).map_or(&[][..], Vec::as_slice))).collect();
        let pieces = crate::parallel::map_each(&work, |&(packed, kept)| {
            let line = drawn.iter().sum::<usize>() + 5 * drawn.len() + 4;
            let mut text = String::with_capacity(((packed.rows.len() + 1) * line).min(1 << 26));
            let mut kept = kept.iter().peekable();
            let mut cells = Vec::with_capacity(shown.len());
            for (at, row) in packed.rows().enumerate() {
                // A cell is drawn as it is, unless it was wrapped.
                let texts = shown.iter().enumerate().map(|(position, &c)| {
                    match kept.next_if(|(kept_at, kept_position, _)| (*kept_at, *kept_position) == (at, position)) {
                        Some((_, _, text)) => text.as_str(),
                        None => packed.cell(&row, c).unwrap_or(""),
                    }
                });
                lines(&mut text, &mut cells, &drawn, texts);
            }
            text
        });
        drop(work);
        drop(packs);
        for piece in pieces {
            out.add(piece);
        }
    }
    border(out.last(), &drawn, ['└', '─', '┴', '┘']);
}

/// A cell wrapped because it did not fit: its row in its pack, its shown column, its text.
type WrappedCell = (usize, usize, String);

/// The columns shown and the widths decided for them: a row's cells wrapped to those widths.
#[derive(Clone, Copy)]
struct ShownCells<'a> {
    shown: &'a [usize],
    widths: &'a [usize],
}

/// The cells drawn by comfy-table, in colour.
fn colored_grid(header: &[Cow<'_, str>], body: &[Vec<(Cow<'_, str>, Option<Color>)>]) -> String {
    let mut table = Table::new();
    table.load_style(comfy_table::presets::UTF8_FULL_CONDENSED).set_content_arrangement(ContentArrangement::Disabled);
    table.enforce_styling();
    table.set_header(header.iter().map(Cell::new));
    for row in body {
        table.add_row(row.iter().map(|(text, color)| match color {
            Some(color) => Cell::new(text).fg(*color),
            None => Cell::new(text),
        }));
    }
    table.to_string()
}

/// A border line: `[left, fill, junction, right]`.
fn border(out: &mut String, widths: &[usize], [left, fill, junction, right]: [char; 4]) {
    out.push(left);
    for (position, &width) in widths.iter().enumerate() {
        if position > 0 {
            out.push(junction);
        }
        out.extend(std::iter::repeat_n(fill, width + 2));
    }
    out.push(right);
    out.push('\n');
}

/// The lines of one row of `texts`: as many as its tallest cell has, each cell's text padded to
/// its column's width. Each cell's lines are walked once (a cell of a hundred thousand lines is
/// not searched again for each of them): what is left of each cell is kept in `cells`, which
/// the caller gives back for the next row.
fn lines<'a>(out: &mut String, cells: &mut Vec<&'a str>, widths: &[usize], texts: impl Iterator<Item = &'a str>) {
    cells.clear();
    cells.extend(texts);
    let height = cells.iter().map(|text| memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1).max().unwrap_or(1);
    for _ in 0..height {
        out.push('│');
        for (position, (rest, &width)) in cells.iter_mut().zip(widths).enumerate() {
            if position > 0 {
                out.push('┆');
            }
            // The cell's next line (none past its last).
            let text = match rest.split_once('\n') {
                Some((line, after)) => {
                    *rest = after;
                    line
                }
                None => std::mem::take(rest),
            };
            out.push(' ');
            out.push_str(text);
            spaces(out, width.saturating_sub(line_width(text)) + 1);
        }
        out.push('│');
        out.push('\n');
    }
}

/// Writes `count` spaces, as a few pieces rather than one character at a time.
fn spaces(out: &mut String, mut count: usize) {
    const SPACES: &str = "                                                                ";
    while count > 0 {
        let piece = count.min(SPACES.len());
        out.push_str(&SPACES[..piece]);
        count -= piece;
    }
}

/// `text`'s lines wrapped at spaces to `width` (a heading above a table).
pub fn paragraph(text: &str, width: u16) -> String {
    wrap(text, usize::from(width))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn widest(text: &str) -> usize {
        text_width(text)
    }

    /// What comfy-table draws for the same cells without colour: what [`draw_rounds`] replaces.
    fn comfy_plain(header: &[Cow<'_, str>], body: &[Vec<(Cow<'_, str>, Option<Color>)>]) -> String {
        let mut table = Table::new();
        table
            .load_style(comfy_table::presets::UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Disabled)
            .force_no_tty();
        table.set_header(header.iter().map(Cell::new));
        for row in body {
            table.add_row(row.iter().map(|(text, _)| Cell::new(text)));
        }
        table.to_string()
    }

    #[test]
    fn the_table_without_colour_draws_what_comfy_table_draws() {
        let header: Vec<Cow<'_, str>> = ["id", "denominazione\nlunga", "", "città"].map(Cow::Borrowed).to_vec();
        let bodies: Vec<Vec<Vec<&str>>> = vec![
            vec![],
            vec![vec!["S1.1", "Semplificazione", "", "Forlì"]],
            vec![
                vec!["S1.1", "una riga\ne un'altra\ne una terza", "", "é"],
                vec!["", "", "", ""],
                vec!["RA1.1:riusi", "東京 wide", "x", "\u{301}combining"],
                vec!["a", "b\n", "\nc", "trailing  "],
            ],
        ];
        // Widths that every cell fits (the texts drawn as they are), and widths that wrap and cut
        // some cells (drawn wrapped, as comfy-table draws the wrapped texts).
        let shown = [0, 1, 2, 3];
        for widths in [[100; 4], [3, 6, 2, 4]] {
            for body in &bodies {
                let rows: Vec<Vec<TableCell>> =
                    body.iter().map(|row| row.iter().map(|&text| TableCell::new(text)).collect()).collect();
                let wrapped_body: Vec<Vec<(Cow<'_, str>, Option<Color>)>> = body
                    .iter()
                    .map(|row| row.iter().zip(widths).map(|(text, width)| (wrapped(text, width, 0), None)).collect())
                    .collect();
                let (measures, rounds) = (Measures::of(4, &rows), vec![vec![Packed::of(&rows)]]);
                let mut drawn = Pieces::default();
                draw_rounds(&mut drawn, &header, &measures, rounds, ShownCells { shown: &shown, widths: &widths });
                let expected = comfy_plain(&header, &wrapped_body) + "\n";
                assert_eq!(drawn.concat(), expected, "{widths:?} {body:?}");
            }
        }
    }

    #[test]
    fn words_wrap_at_spaces_and_only_a_longer_word_is_cut() {
        assert_eq!(
            wrap("Commercio internazionale e internazionalizzazione", 16),
            "Commercio\ninternazionale e\ninternazionaliz…"
        );
        assert_eq!(wrap("breve", 16), "breve");
        assert_eq!(wrap("due\nrighe", 3), "due\nri…");
    }

    /// The rows of item `n`: one or two, of cells that fit and cells that wrap, lines, wide
    /// characters, a long word, a row short of cells and an empty one.
    fn rows_of_item(n: usize) -> Vec<Vec<TableCell>> {
        let texts: [&[&str]; 6] = [
            &["S1.1", "Pratiche evase entro cinque giorni", "≥ 90%", "91,5"],
            &["RA1.1:riusi", "una riga\ne un'altra", "x", "東京 wide"],
            &["O2.3.4", "internazionalizzazione delle imprese del territorio provinciale", "", "n.d."],
            &["a", "riga\r\nsegue"],
            &[],
            &["", "", "", ""],
        ];
        let cells =
            |k: usize| texts[k % texts.len()].iter().map(|&text| TableCell::new(format!("{text}{}", n % 7))).collect();
        if n.is_multiple_of(5) { vec![cells(n), cells(n + 1)] } else { vec![cells(n)] }
    }

    /// An id and a name always shown, a weight with an abbreviated header and a note, left out
    /// in that order.
    fn four_columns() -> Vec<Column> {
        vec![
            Column::new("id".into(), Fit::KEEP),
            Column::new("name".into(), Fit::NAME),
            Column { header: "weight".into(), short: Some("w".into()), fit: Fit::optional(2) },
            Column::new("note".into(), Fit::optional(1)),
        ]
    }

    /// The table of `rows` as comfy-table draws it, laid out as [`render`] lays it out.
    fn comfy_table_of(columns: &[Column], rows: &[Vec<TableCell>], width: u16) -> String {
        let measures = Measures::of(columns.len(), rows);
        let words = Packed::of(rows).longest_words(columns.len());
        let (shown, widths, abbreviated) = layout_of(columns, &measures.content, || words, usize::from(width));
        let header: Vec<Cow<'_, str>> =
            shown.iter().zip(&widths).map(|(&c, &w)| wrapped(columns[c].shown_header(abbreviated), w, 0)).collect();
        let body: Vec<Vec<(Cow<'_, str>, Option<Color>)>> = rows
            .iter()
            .map(|row| {
                let text = |c: usize| row.get(c).map_or("", |cell| cell.text.as_str());
                shown.iter().zip(&widths).map(|(&c, &w)| (wrapped(text(c), w, 0), None)).collect()
            })
            .collect();
        let mut text = comfy_plain(&header, &body) + "\n";
        hidden_note(&mut text, columns, &shown, width, Lang::En);
        text
    }

    /// [`render_made`] of the rows of `items`, without colour.
    fn made(out: &mut Pieces<'_>, columns: &[Column], items: &[usize], width: u16) {
        let make = |items: &[usize]| items.iter().flat_map(|&n| rows_of_item(n)).collect();
        render_made(out, columns, items, make, width, Style::PLAIN, Lang::En);
    }

    #[test]
    fn a_table_made_a_share_at_a_time_is_the_table_of_its_rows() {
        let columns = four_columns();
        // More items than are drawn at once: the table is made in several rounds of shares.
        for items in [0, 7, DRAWN_AT_ONCE + 1234] {
            let items: Vec<usize> = (0..items).collect();
            let rows: Vec<Vec<TableCell>> = items.iter().flat_map(|&n| rows_of_item(n)).collect();
            for width in [24, 40, 61, 200] {
                let whole = render(&columns, rows.clone(), width, Style::PLAIN, Lang::En);
                assert!(whole == comfy_table_of(&columns, &rows, width), "{} items at {width}", items.len());
                let mut given = String::new();
                let mut sink = |piece: &str| {
                    given.push_str(piece);
                    true
                };
                let mut out = Pieces::to(&mut sink);
                made(&mut out, &columns, &items, width);
                out.finish();
                assert!(given == whole, "{} items at {width}:\n{given}\n---\n{whole}", items.len());
                let mut held = Pieces::default();
                made(&mut held, &columns, &items, width);
                assert!(held.concat() == whole, "{} items at {width}, held", items.len());
            }
        }
    }

    #[test]
    fn a_sink_that_wants_no_more_stops_the_drawing() {
        let columns = vec![Column::new("id".into(), Fit::KEEP), Column::new("name".into(), Fit::NAME)];
        let items: Vec<usize> = (0..3 * DRAWN_AT_ONCE).collect();
        let mut pieces = 0;
        let mut sink = |_: &str| {
            pieces += 1;
            false
        };
        let mut out = Pieces::to(&mut sink);
        made(&mut out, &columns, &items, 80);
        assert!(!out.wants_more());
        out.finish();
        assert_eq!(pieces, 1);
    }

    #[test]
    fn a_table_is_never_wider_than_asked_and_drops_optional_columns_first() {
        let columns = four_columns();
        let rows = vec![vec![
            TableCell::new("S1.1"),
            TableCell::new("Semplificazione amministrativa e digitalizzazione delle imprese del territorio"),
            TableCell::new("1"),
            TableCell::new("una nota abbastanza lunga da andare a capo"),
        ]];
        let mut previous = 0;
        for width in [20, 30, 40, 50, 60, 80, 100, 200] {
            let text = render(&columns, rows.clone(), width, Style::PLAIN, Lang::En);
            assert!(text.lines().all(|line| widest(line) <= usize::from(width)), "{width}:\n{text}");
            let table_width = widest(text.lines().next().unwrap());
            assert!(table_width >= previous, "{width}:\n{text}");
            previous = table_width;
        }
        let narrow = render(&columns, rows.clone(), 50, Style::PLAIN, Lang::En);
        let header = narrow.lines().nth(1).unwrap();
        assert!(!header.contains("weight") && header.contains("note"), "{narrow}");
        assert!(narrow.contains("\ncolumn not shown at this width: weight (a larger"), "{narrow}");
        let wide = render(&columns, rows, 200, Style::PLAIN, Lang::En);
        assert_eq!(wide.lines().count(), 5, "{wide}");
    }

    proptest::proptest! {
        /// A line of printable ASCII is wrapped as `textwrap` wraps it: spaces leading, trailing
        /// and in runs, words longer than a line, every width and hanging indent.
        #[test]
        fn plain_lines_are_wrapped_as_textwrap_wraps_them(
            line in "[ab ]{0,3}([a-z]{0,12}[ .,]{0,3}){0,8}",
            width in 0usize..30,
            indent in 0usize..8,
        ) {
            let width = width.max(indent + FLOOR);
            let mut fast = String::new();
            wrap_plain(&mut fast, &line, width, indent);
            let indent_text = " ".repeat(indent);
            let mut reference = String::new();
            wrap_with_textwrap(&mut reference, &line, width, &textwrap_options(width, &indent_text));
            proptest::prop_assert_eq!(fast, reference);
        }
    }
}
