//! The one shape every input is read into: sheets of rows of cells, each cell with its 1-based
//! row and column in the source (and, for text files, its bytes in the text, so diagnostics can
//! show the line with a caret).
//!
//! Only non-empty cells are kept, so memory follows the content, not the sheet's extent (a cell
//! at `XFD1048576` costs one cell). Cell text is cleaned once, here: HTML tags left by web
//! exports (`<p>`, `<i>`...) are dropped, whitespace runs (line breaks inside a cell included)
//! become one space, and the ends are trimmed.

use crate::diagnostic::Location;
use crate::i18n::Message;
use crate::msg;
use crate::source::{SourceFile, Span};

/// One sheet of a workbook, or the whole of a text file.
#[derive(Debug, Default)]
pub(crate) struct Sheet {
    /// The sheet's name (none for a text file).
    pub(crate) name: Option<String>,
    /// The rows that have at least one non-empty cell, in source order.
    pub(crate) rows: Vec<Row>,
}

/// One row of a sheet.
#[derive(Debug)]
pub(crate) struct Row {
    /// 1-based row number (the line, for a text file).
    pub(crate) number: u32,
    /// The non-empty cells, by column.
    pub(crate) cells: Vec<Cell>,
}

/// One non-empty cell.
#[derive(Debug, Clone)]
pub(crate) struct Cell {
    /// 1-based column.
    pub(crate) column: u32,
    /// The cleaned text.
    pub(crate) text: String,
    /// Whether HTML tags were dropped from it.
    pub(crate) markup: bool,
    /// For text files: the field's bytes in the text.
    pub(crate) span: Option<Span>,
}

impl Row {
    /// The text of the cell in `column`, or `""`.
    pub(crate) fn get(&self, column: u32) -> &str {
        self.cell(column).map_or("", |cell| cell.text.as_str())
    }

    /// The cell in `column`, if it is not empty (cells are in column order).
    pub(crate) fn cell(&self, column: u32) -> Option<&Cell> {
        self.cells.binary_search_by_key(&column, |cell| cell.column).ok().map(|at| &self.cells[at])
    }

    /// Whether any cell had HTML tags.
    pub(crate) fn has_markup(&self) -> bool {
        self.cells.iter().any(|cell| cell.markup)
    }
}

impl Cell {
    /// A cell from raw text; `None` when nothing is left after cleaning.
    pub(crate) fn new(column: u32, raw: &str, span: Option<Span>) -> Option<Self> {
        let (text, markup) = clean(raw);
        (!text.is_empty()).then_some(Self { column, text, markup, span })
    }
}

/// Where a piece of content is in the source: a sheet (index into the input's sheets), a row
/// and a column (0 for the whole row).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Place {
    pub(crate) sheet: usize,
    pub(crate) row: u32,
    pub(crate) column: u32,
}

/// What the file was, for messages and the plan's header.
#[derive(Debug)]
pub(crate) enum Kind {
    /// A text table; `delimiter` is the field separator found.
    Text { source: SourceFile, delimiter: u8 },
    /// A workbook of the given format (`xlsx`, `ods`, `xls`).
    Workbook { format: &'static str },
}

/// A read input: its name, what it was, and its sheets.
#[derive(Debug)]
pub(crate) struct Input {
    pub(crate) name: String,
    pub(crate) kind: Kind,
    pub(crate) sheets: Vec<Sheet>,
}

impl Input {
    /// `line 12` (text), `row 12` (one sheet) or `sheet "Foglio2", row 12`: a message, so that
    /// diagnostics say it in the interface's language (the notes written in the plan use its
    /// English form).
    pub(crate) fn row_name(&self, place: Place) -> Message {
        match (&self.kind, self.sheet_name(place)) {
            (Kind::Text { .. }, _) => msg!("import-place-line", row = place.row),
            (Kind::Workbook { .. }, None) => msg!("import-place-row", row = place.row),
            (Kind::Workbook { .. }, Some(sheet)) => msg!("import-place-sheet-row", sheet = sheet, row = place.row),
        }
    }

    /// `line 12, column E (Target)`, `cell E12 (Target)`, `sheet "Foglio2", cell E12`; the
    /// column's heading is added when given.
    pub(crate) fn cell_name(&self, place: Place, heading: Option<&str>) -> Message {
        let heading = heading.map(|h| format!(" ({h})")).unwrap_or_default();
        let (row, column) = (place.row, column_letters(place.column));
        match (&self.kind, self.sheet_name(place)) {
            (Kind::Text { .. }, _) => msg!("import-place-line-column", row = row, column = column, heading = heading),
            (Kind::Workbook { .. }, None) => msg!("import-place-cell", column = column, row = row, heading = heading),
            (Kind::Workbook { .. }, Some(sheet)) => {
                msg!("import-place-sheet-cell", sheet = sheet, column = column, row = row, heading = heading)
            }
        }
    }

    /// The sheet's name, when the workbook has several.
    pub(crate) fn sheet_name(&self, place: Place) -> Option<&str> {
        self.sheets.get(place.sheet).and_then(|s| s.name.as_deref()).filter(|_| self.sheets.len() > 1)
    }

    /// The diagnostic location of a cell (or of a row, for column 0). For text files it
    /// carries the line and a caret under the cell.
    pub(crate) fn locate(&self, place: Place) -> Location {
        if let Kind::Text { source, .. } = &self.kind {
            let row = self.sheets.get(place.sheet).and_then(|sheet| find_row(sheet, place.row));
            let cell = row.and_then(|row| if place.column == 0 { row.cells.first() } else { row.cell(place.column) });
            let line = source.line_text(place.row as usize);
            if line.len() > MAX_EXCERPT_BYTES {
                // No excerpt, and the field's number for a column: each diagnostic would otherwise
                // copy the line, and count its characters up to the cell.
                return Location::at_line(&self.name, place.row as usize, place.column.max(1) as usize);
            }
            if let Some(span) = cell.and_then(|cell| cell.span.clone()) {
                return Location::of(source, &span);
            }
            return Location::in_line(&self.name, place.row as usize, 1, 0, 1, line);
        }
        Location::at_line(&self.name, place.row as usize, place.column.max(1) as usize)
    }

    /// Frees the cells (the sheets' names stay, for naming rows).
    pub(crate) fn release_cells(&mut self) {
        for sheet in &mut self.sheets {
            sheet.rows = Vec::new();
        }
    }

    /// How many rows with content all the sheets have.
    pub(crate) fn row_count(&self) -> usize {
        self.sheets.iter().map(|sheet| sheet.rows.len()).sum()
    }
}

/// Lines longer than this get no excerpt under their diagnostics (real rows are a few hundred
/// characters; a line of thousands of cells would be copied into each of its diagnostics).
const MAX_EXCERPT_BYTES: usize = 2000;

/// The row numbered `number` (rows are in source order, so a binary search finds it).
fn find_row(sheet: &Sheet, number: u32) -> Option<&Row> {
    let index = sheet.rows.partition_point(|row| row.number < number);
    sheet.rows.get(index).filter(|row| row.number == number)
}

/// `1` → `A`, `26` → `Z`, `27` → `AA`: the column's name in a spreadsheet.
pub(crate) fn column_letters(column: u32) -> String {
    let mut letters = Vec::new();
    let mut n = column;
    while n > 0 {
        let rest = (n - 1) % 26;
        letters.push(char::from(b'A' + rest as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// The tags web exports leave in cells; only these are dropped, so that `<1` or `x < x-1` stay.
const TAGS: &[&str] = &["p", "i", "b", "u", "em", "strong", "span", "div", "font", "br", "sup", "sub", "small", "s"];

/// Cleans a cell: drops HTML tags (and then decodes the common entities), turns whitespace runs
/// into one space and trims. Returns the text and whether tags were dropped.
pub(crate) fn clean(raw: &str) -> (String, bool) {
    let mut text = String::with_capacity(raw.len());
    let mut markup = false;
    let mut rest = raw;
    while let Some(at) = rest.find('<') {
        text.push_str(&rest[..at]);
        let after = &rest[at..];
        match tag_length(after) {
            Some(length) => {
                markup = true;
                // A tag separates words as a space would (`a<br>b`).
                text.push(' ');
                rest = &after[length..];
            }
            None => {
                text.push('<');
                rest = &after[1..];
            }
        }
    }
    text.push_str(rest);
    if markup {
        text = decode_entities(&text);
    }
    let mut cleaned = String::with_capacity(text.len());
    for word in text.split(|c: char| c.is_whitespace() || c == '\u{a0}').filter(|w| !w.is_empty()) {
        if !cleaned.is_empty() {
            cleaned.push(' ');
        }
        cleaned.push_str(word);
    }
    (cleaned, markup)
}

/// The length of the HTML tag at the start of `text` (`<p>`, `</i>`, `<br/>`, `<span class="x">`).
fn tag_length(text: &str) -> Option<usize> {
    let inner = text.strip_prefix('<')?;
    let inner = inner.strip_prefix('/').unwrap_or(inner);
    let name_end = inner.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(inner.len());
    let name = inner[..name_end].to_ascii_lowercase();
    if !TAGS.contains(&name.as_str()) {
        return None;
    }
    let after_name = &inner[name_end..];
    let close = after_name.find('>')?;
    let attributes = &after_name[..close];
    if !(attributes.is_empty() || attributes.starts_with([' ', '/'])) || attributes.contains('<') {
        return None;
    }
    Some(text.len() - after_name.len() + close + 1)
}

fn decode_entities(text: &str) -> String {
    text.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_tags_are_dropped_but_comparators_stay() {
        assert_eq!(clean("<p>10. Consolidamento</p>"), ("10. Consolidamento".to_owned(), true));
        assert_eq!(clean("<i>Attuazione del Piano</i>"), ("Attuazione del Piano".to_owned(), true));
        assert_eq!(clean("x < x-1"), ("x < x-1".to_owned(), false));
        assert_eq!(clean("<1"), ("<1".to_owned(), false));
        assert_eq!(clean("<=40gg"), ("<=40gg".to_owned(), false));
        assert_eq!(clean("a<br/>b &amp; c"), ("a b & c".to_owned(), true));
        assert_eq!(clean("<pippo>"), ("<pippo>".to_owned(), false));
    }

    #[test]
    fn whitespace_runs_become_one_space() {
        assert_eq!(clean("  Servizio\n  Legale\u{a0} "), ("Servizio Legale".to_owned(), false));
        assert_eq!(clean(" \t "), (String::new(), false));
    }

    #[test]
    fn columns_are_named_like_a_spreadsheet() {
        assert_eq!(column_letters(1), "A");
        assert_eq!(column_letters(8), "H");
        assert_eq!(column_letters(26), "Z");
        assert_eq!(column_letters(27), "AA");
        assert_eq!(column_letters(16_384), "XFD");
    }
}
