//! Spreadsheets for people: the results of a year as a workbook or a set of CSV files
//! (`cruscotto export`), and the actuals template as a workbook (`cruscotto template --format
//! xlsx`). Specified in `docs/export.md`.
//!
//! [`results`] builds the tables once, from the rows `score --format csv` writes
//! ([`crate::render::score::indicator_fields`], [`crate::render::score::rollup_fields`]), so that
//! every format shows the same numbers; [`xlsx`] writes them as a workbook (bytes), [`csv_files`]
//! as CSV texts; [`template`] writes the data-collection workbook. Every text cell of every
//! writer goes through [`neutralise`], so that no spreadsheet ever runs one as a formula.
//!
//! Like the rest of the library, nothing here touches files or the clock: the CLI writes what
//! these functions return, and passes the creation time of a workbook.

pub mod csv_files;
pub mod template;
pub mod xlsx;

use std::borrow::Cow;

use crate::plan::Plan;
use crate::provenance::Provenance;
use crate::render::score::{
    Field, INDICATOR_COLUMNS, Light, ROLLUP_COLUMNS, ReportLevel, indicator_fields, override_note, rollup_fields,
    rollup_rows, rules_lines,
};
use crate::score::Scorecard;

/// One table of an export: a sheet of the workbook, a file of the CSV variant.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// The sheet's name in the workbook (a valid one: see [`sheet_names`]).
    pub name: String,
    /// The name of its CSV file, e.g. `indicatori.csv`.
    pub file_name: String,
    /// The header.
    pub columns: Vec<&'static str>,
    /// The rows, each with one cell per column.
    pub rows: Vec<Vec<Cell>>,
}

/// One cell of a [`Sheet`]: a typed field and, for results, its traffic light.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// The value.
    pub field: Field,
    /// The fill of the cell in the workbook (the CSV files have none).
    pub light: Option<Light>,
}

impl Cell {
    fn plain(field: Field) -> Self {
        Self { field, light: None }
    }
}

/// The characters that make a spreadsheet read a text as a formula: `=`, `+`, `-` and `@`, and
/// their full-width forms (`＝`), which spreadsheets with East Asian input read the same way.
const FORMULA_STARTS: [char; 8] = ['=', '+', '-', '@', '＝', '＋', '－', '＠'];

/// What spreadsheets skip (or users do not see) before a formula: white space of any kind
/// (spaces, no-break spaces, tabs, line breaks) and the invisible characters (zero-width space
/// and joiners, word joiner, byte order mark).
fn is_skipped_before_formula(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// A text cell made safe to open in a spreadsheet ("formula injection", or CSV injection): a text
/// that starts with `=`, `+`, `-` or `@` (or their full-width forms), after any white space or
/// invisible characters, or that starts with a tab or a carriage return, gets a leading `'`, so that
/// `=HYPERLINK(...)` stays the text `'=HYPERLINK(...)` and is never run, in a workbook or in a
/// CSV file opened by a spreadsheet. Every other text is returned unchanged.
///
/// The `'` is the usual neutraliser (OWASP's advice): Excel and LibreOffice read a typed `'` as
/// "what follows is text", and it stays visible in the file, so a reader can see that the text
/// was changed. Numbers written as numbers (a negative deviation) are not text and never pass
/// through here.
pub fn neutralise(text: &str) -> Cow<'_, str> {
    let formula = text.trim_start_matches(is_skipped_before_formula).starts_with(FORMULA_STARTS);
    if formula || text.starts_with(['\t', '\r']) { Cow::Owned(format!("'{text}")) } else { Cow::Borrowed(text) }
}

/// The longest start of `text` of at most `units` UTF-16 code units: Excel counts its limits
/// (31 for a sheet name, 32,767 for a cell) in those, and a character beyond the Basic
/// Multilingual Plane (an emoji) takes two.
pub fn cut_utf16(text: &str, units: usize) -> &str {
    let mut used = 0;
    for (at, c) in text.char_indices() {
        used += c.len_utf16();
        if used > units {
            return &text[..at];
        }
    }
    text
}

/// The longest sheet name Excel accepts, in UTF-16 code units ([`cut_utf16`]).
pub const MAX_SHEET_NAME: usize = 31;

/// Valid and unique sheet names for `candidates`, in order. Excel refuses a sheet name longer
/// than 31 characters, with one of `[ ] : * ? / \`, starting or ending with `'`, blank, or
/// equal to another sheet's name ignoring case (and `History`, which it reserves). Those
/// characters become `-`, names are cut to 31 characters, a blank name becomes `Foglio`, and a
/// name already given gets ` (2)`, ` (3)`... within the 31 characters.
pub fn sheet_names<'a>(candidates: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for candidate in candidates {
        let cleaned: String = candidate
            .chars()
            .filter(|c| !c.is_control())
            .map(|c| if matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\') { '-' } else { c })
            .collect();
        let mut base: String = cut_utf16(cleaned.trim().trim_matches('\'').trim(), MAX_SHEET_NAME).to_owned();
        base = base.trim_end().trim_end_matches('\'').to_owned();
        if base.is_empty() {
            base = "Foglio".to_owned();
        }
        if base.eq_ignore_ascii_case("history") {
            base.push('-');
        }
        let taken = |name: &str| names.iter().any(|n| n.to_lowercase() == name.to_lowercase());
        let mut name = base.clone();
        let mut counter = 2;
        while taken(&name) {
            let suffix = format!(" ({counter})");
            let room = MAX_SHEET_NAME - suffix.len();
            name = format!("{}{suffix}", cut_utf16(&base, room).trim_end());
            counter += 1;
        }
        names.push(name);
    }
    names
}

/// The sheets of `cruscotto export`, in order: `Sintesi` (the body and the missions),
/// `Obiettivi strategici`, `Programmi`, `Obiettivi operativi`, `Indicatori`, `Aree`, `Servizi`
/// (the rows and columns of `score --format csv` at each level), and `Regole` (the plan, the
/// files read, the rules applied, the overrides applied, the count of indicators by status).
pub fn results(plan: &Plan, scorecard: &Scorecard, provenance: &Provenance) -> Vec<Sheet> {
    let rollups = rollup_rows(plan, scorecard, ReportLevel::All);
    let rules = &scorecard.rules;
    let rollup_sheet = |name: &str, file_name: &str, levels: &[&str]| {
        // The operational roll-up is a column of strategic objectives only.
        let operational = levels.contains(&"strategic");
        let keep = |column: &&str| operational || *column != "operational_attainment";
        let rows = rollups
            .iter()
            .filter(|row| levels.contains(&row.level))
            .map(|row| {
                ROLLUP_COLUMNS
                    .iter()
                    .zip(rollup_fields(row, scorecard.year))
                    .filter(|(column, _)| keep(column))
                    .map(|(column, field)| {
                        let light = match *column {
                            "attainment" => Some(Light::of_attainment(row.rollup.attainment, rules)),
                            "operational_attainment" => {
                                Some(Light::of_attainment(row.operational.and_then(|o| o.attainment), rules))
                            }
                            _ => None,
                        };
                        Cell { field, light }
                    })
                    .collect()
            })
            .collect();
        Sheet {
            name: name.to_owned(),
            file_name: file_name.to_owned(),
            columns: ROLLUP_COLUMNS.iter().copied().filter(keep).collect(),
            rows,
        }
    };
    let indicators = Sheet {
        name: "Indicatori".to_owned(),
        file_name: "indicatori.csv".to_owned(),
        columns: INDICATOR_COLUMNS.to_vec(),
        rows: scorecard
            .indicators
            .iter()
            .map(|score| {
                let light = Light::of_status(score.status);
                INDICATOR_COLUMNS
                    .iter()
                    .zip(indicator_fields(plan, scorecard, score))
                    .map(|(column, field)| Cell {
                        field,
                        light: matches!(*column, "attainment" | "status").then_some(light),
                    })
                    .collect()
            })
            .collect(),
    };
    vec![
        rollup_sheet("Sintesi", "sintesi.csv", &["body", "mission"]),
        rollup_sheet("Obiettivi strategici", "obiettivi-strategici.csv", &["strategic"]),
        rollup_sheet("Programmi", "programmi.csv", &["program"]),
        rollup_sheet("Obiettivi operativi", "obiettivi-operativi.csv", &["operational"]),
        indicators,
        rollup_sheet("Aree", "aree.csv", &["area"]),
        rollup_sheet("Servizi", "servizi.csv", &["service"]),
        rules_sheet(plan, scorecard, provenance),
    ]
}

/// `Regole`: what the results are of and how they were computed, one `item`, `value` pair a row.
fn rules_sheet(plan: &Plan, scorecard: &Scorecard, provenance: &Provenance) -> Sheet {
    let meta = &plan.metadata;
    let text = |item: &str, value: &str| {
        vec![Cell::plain(Field::Text(item.to_owned())), Cell::plain(Field::Text(value.to_owned()))]
    };
    let number =
        |item: &str, value: i64| vec![Cell::plain(Field::Text(item.to_owned())), Cell::plain(Field::Integer(value))];
    let mut rows = vec![
        text("body", &meta.body),
        text("title", &meta.title),
        number("plan year", i64::from(meta.year)),
        text("horizon", &format!("{}–{}", meta.first_year, meta.last_year)),
        number("year scored", i64::from(scorecard.year)),
        text("plan file", &provenance.plan.name),
        text("plan file SHA-256", &provenance.plan.sha256),
    ];
    for file in &provenance.actuals {
        rows.push(text("actuals file", &file.name));
        rows.push(text("actuals file SHA-256", &file.sha256));
    }
    if let Some(git) = &provenance.git {
        rows.push(text("git commit", &git.commit));
        rows.push(text("git tree", if git.clean { "clean" } else { "uncommitted changes" }));
    }
    rows.push(text("generated by", &provenance.tool));
    rows.extend(rules_lines(&scorecard.rules).iter().map(|line| text("rule", line)));
    for (node, overridden) in scorecard.overridden() {
        rows.push(text("override", &format!("{}: {}", plan.node(node).id, override_note(overridden))));
    }
    for (status, count) in scorecard.status_counts() {
        rows.push(number(&format!("indicators {}", status.as_str()), i64::try_from(count).unwrap_or(i64::MAX)));
    }
    Sheet { name: "Regole".to_owned(), file_name: "regole.csv".to_owned(), columns: vec!["item", "value"], rows }
}

/// Why a workbook could not be built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportError {
    /// The workbook writer refused the content (more rows than a sheet holds, ...): its words.
    Workbook(String),
}

impl ExportError {
    /// What is wrong, as a message of the catalogue.
    pub fn message(&self) -> crate::i18n::Message {
        match self {
            Self::Workbook(reason) => crate::msg!("export-workbook-error", reason = reason),
        }
    }
}

crate::display_in_english!(ExportError);

impl From<rust_xlsxwriter::XlsxError> for ExportError {
    fn from(error: rust_xlsxwriter::XlsxError) -> Self {
        ExportError::Workbook(error.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_neutralised_and_nothing_else() {
        for hostile in [
            "=HYPERLINK(\"http://x\",\"y\")",
            "@SUM(A1)",
            "+39 0586 231111",
            "-5% rispetto al 2018",
            "\t=1",
            "\r=1",
            " =1",
            "\u{a0}=1",
            "\u{200b}=1",
            "\u{feff}=1",
            "\n=1",
            " \u{200b}\n +1",
            "＝HYPERLINK(\"http://x\")",
            "＠SUM(A1)",
        ] {
            assert_eq!(neutralise(hostile), format!("'{hostile}"), "{hostile:?}");
        }
        for harmless in ["Pratiche evase", "≥ 90%", "'già citato", "", "  ", "5-3", "#commento", "S1.1", " a = 1"] {
            assert!(matches!(neutralise(harmless), Cow::Borrowed(_)), "{harmless:?}");
        }
    }

    #[test]
    fn sheet_names_are_valid_and_unique() {
        let names = sheet_names([
            "Promozione",
            "promozione",
            "Affari generali / Personale: [gestione]*?",
            "'quoted'",
            "   ",
            "History",
            "Un nome di servizio decisamente troppo lungo per Excel",
            "Un nome di servizio decisamente troppo lungo per Word",
            &"😀".repeat(18),
        ]);
        assert_eq!(
            names,
            [
                "Promozione",
                "promozione (2)",
                "Affari generali - Personale- -g",
                "quoted",
                "Foglio",
                "History-",
                "Un nome di servizio decisamente",
                "Un nome di servizio decisam (2)",
                &"😀".repeat(15),
            ]
        );
        for name in &names {
            assert!(name.encode_utf16().count() <= MAX_SHEET_NAME, "{name}");
            assert!(!name.contains(['[', ']', ':', '*', '?', '/', '\\']), "{name}");
        }
    }
}
