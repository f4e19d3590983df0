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

use crate::i18n::{self, Lang};
use crate::msg;
use crate::plan::Plan;
use crate::provenance::Provenance;
use crate::render::score::{
    Field, INDICATOR_COLUMNS, Light, ROLLUP_COLUMNS, ReportLevel, RowLevel, indicator_extra_fields, indicator_fields,
    override_note, part_fields, rollup_extra_fields, rollup_fields, rollup_rows, rules_lines, used_indicator_extras,
    used_rollup_extras,
};
use crate::score::Scorecard;

/// One table of an export: a sheet of the workbook, a file of the CSV variant, in the
/// deliverables' language.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// The sheet's name in the workbook (a valid one: see [`sheet_names`]).
    pub name: String,
    /// The name of its CSV file, e.g. `indicatori.csv`.
    pub file_name: String,
    /// The columns' keys: the column names of `score --format csv` (`attainment`, `status`).
    pub columns: Vec<&'static str>,
    /// The header people read, one per column: `grado di raggiungimento`, `stato`.
    pub header: Vec<String>,
    /// The rows, each with one cell per column. Words are already in the sheet's language
    /// (text fields): the writers write what they find.
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

/// The header of a column of the result sheets, in `lang`: `grado di raggiungimento` for
/// `attainment`. `column` is a column of [`INDICATOR_COLUMNS`], [`ROLLUP_COLUMNS`] or of the
/// columns plans of other shapes add.
pub fn column_header(lang: Lang, column: &str) -> String {
    i18n::text(
        lang,
        match column {
            "id" => "export-column-id",
            "year" => "export-column-year",
            "level" => "export-column-level",
            "indicator_level" => "export-column-indicator-level",
            "name" => "export-column-name",
            "unit" => "export-column-unit",
            "target" => "export-column-target",
            "reference" => "export-column-reference",
            "actual" => "export-column-actual",
            "deviation" => "export-column-deviation",
            "attainment" => "export-column-attainment",
            "status" => "export-column-status",
            "weight" => "export-column-weight",
            "reason" => "export-column-reason",
            "note" => "export-column-note",
            "source" => "export-column-source",
            "scored" => "export-column-scored",
            "expected" => "export-column-expected",
            "operational_attainment" => "export-column-operational-attainment",
            "override" => "export-column-override",
            "override_reason" => "export-column-override-reason",
            "override_decided_by" => "export-column-override-decided-by",
            "override_act" => "export-column-override-act",
            "computed_status" => "export-column-computed-status",
            "period" => "export-column-period",
            "band" => "export-column-band",
            "actual_bound" => "export-column-actual-bound",
            "definition" => "export-column-definition",
            "code" => "export-column-code",
            "type" => "export-column-type",
            "data_source" => "export-column-data-source",
            "responsible" => "export-column-responsible",
            "resources" => "export-column-resources",
            _ => "export-column-computed-attainment",
        },
    )
}

/// A field as the sheets of `lang` hold it: a word in that language as text, the rest as it is.
fn in_language(field: Field, lang: Lang) -> Field {
    match field {
        Field::Word(word) => Field::Text(word.text(lang)),
        other => other,
    }
}

/// The sheets of `cruscotto export`, in order, in `lang`: `Sintesi` (the body and the
/// missions), `Obiettivi strategici`, `Programmi`, `Obiettivi operativi`, `Indicatori`,
/// `Prospettive` (when the plan has perspectives), `Aree`, `Servizi` (the rows and columns of
/// `score --format csv` at each level, with headers and words in `lang`), and `Regole` (the
/// plan, the files read, the rules applied, the overrides applied, the count of indicators by
/// status).
pub fn results(plan: &Plan, scorecard: &Scorecard, provenance: &Provenance, lang: Lang) -> Vec<Sheet> {
    let rollups = rollup_rows(plan, scorecard, ReportLevel::All);
    let rules = &scorecard.rules;
    let sheet = |name: &'static str, file_name: &'static str, columns: Vec<&'static str>, rows| Sheet {
        name: i18n::text(lang, name),
        file_name: i18n::text(lang, file_name),
        header: columns.iter().map(|column| column_header(lang, column)).collect(),
        columns,
        rows,
    };
    let rollup_sheet = |name, file_name, levels: &[RowLevel]| {
        // The operational roll-up is a column of strategic objectives only.
        let operational = levels.contains(&RowLevel::Strategic);
        let keep = |column: &&str| operational || *column != "operational_attainment";
        let sheet_rows: Vec<crate::render::score::RollupRow> =
            rollups.iter().filter(|row| levels.contains(&row.level)).cloned().collect();
        let rollup_extras = used_rollup_extras(plan, scorecard, &sheet_rows);
        let rows = sheet_rows
            .iter()
            .map(|row| {
                let extras =
                    rollup_extra_fields(plan, scorecard, row).into_iter().filter(|(c, _)| rollup_extras.contains(c));
                ROLLUP_COLUMNS
                    .iter()
                    .copied()
                    .zip(rollup_fields(row, scorecard.year))
                    .chain(extras)
                    .filter(|(column, _)| keep(column))
                    .map(|(column, field)| {
                        let light = match column {
                            "attainment" => Some(Light::of_attainment(row.rollup.attainment, rules)),
                            "operational_attainment" => {
                                Some(Light::of_attainment(row.operational.and_then(|o| o.attainment), rules))
                            }
                            _ => None,
                        };
                        Cell { field: in_language(field, lang), light }
                    })
                    .collect()
            })
            .collect();
        let columns = ROLLUP_COLUMNS.iter().chain(&rollup_extras).copied().filter(keep).collect();
        sheet(name, file_name, columns, rows)
    };
    let mut sheets = vec![
        rollup_sheet("sheet-summary", "file-summary", &[RowLevel::Body, RowLevel::Mission]),
        rollup_sheet("sheet-strategic", "file-strategic", &[RowLevel::Strategic]),
        rollup_sheet("sheet-programs", "file-programs", &[RowLevel::Program]),
        rollup_sheet("sheet-operational", "file-operational", &[RowLevel::Operational]),
        indicators_sheet(plan, scorecard, lang),
    ];
    if !plan.perspectives.is_empty() {
        sheets.push(rollup_sheet("sheet-perspectives", "file-perspectives", &[RowLevel::Perspective]));
    }
    sheets.extend([
        rollup_sheet("sheet-areas", "file-areas", &[RowLevel::Area]),
        rollup_sheet("sheet-services", "file-services", &[RowLevel::Service]),
        rules_sheet(plan, scorecard, provenance, lang),
    ]);
    sheets
}

/// `Indicatori`: the rows of `score --format csv`, each followed by the rows of its conditions
/// when its target has several (`level` `part`), with headers and words in `lang`.
fn indicators_sheet(plan: &Plan, scorecard: &Scorecard, lang: Lang) -> Sheet {
    let extras = used_indicator_extras(plan, scorecard);
    let columns: Vec<&'static str> = INDICATOR_COLUMNS.iter().chain(&extras).copied().collect();
    let mut rows = Vec::new();
    for score in &scorecard.indicators {
        let light = Light::of_status(score.status);
        let mut fields: Vec<(&'static str, Field)> =
            INDICATOR_COLUMNS.iter().copied().zip(indicator_fields(plan, scorecard, score)).collect();
        fields.extend(indicator_extra_fields(plan, scorecard, score));
        rows.push(cells_of(&columns, fields, light, lang));
        for part in part_fields(plan, scorecard, score) {
            let status = part.iter().find_map(|(k, f)| match f {
                Field::Word(crate::render::score::Word::Status(status)) if *k == "status" => Some(*status),
                _ => None,
            });
            rows.push(cells_of(&columns, part, status.map_or(Light::Grey, Light::of_status), lang));
        }
    }
    Sheet {
        name: i18n::text(lang, "sheet-indicators"),
        file_name: i18n::text(lang, "file-indicators"),
        header: columns.iter().map(|column| column_header(lang, column)).collect(),
        columns,
        rows,
    }
}

/// One row of cells in the order of `columns`, in `lang`, the attainment and status lit.
fn cells_of(columns: &[&'static str], fields: Vec<(&'static str, Field)>, light: Light, lang: Lang) -> Vec<Cell> {
    columns
        .iter()
        .map(|column| {
            let field = fields.iter().find(|(k, _)| k == column).map_or(Field::Empty, |(_, f)| f.clone());
            Cell { field: in_language(field, lang), light: matches!(*column, "attainment" | "status").then_some(light) }
        })
        .collect()
}

/// `Regole`: what the results are of and how they were computed, one item and its value a row.
fn rules_sheet(plan: &Plan, scorecard: &Scorecard, provenance: &Provenance, lang: Lang) -> Sheet {
    let meta = &plan.metadata;
    let item = |id: &'static str| Cell::plain(Field::Text(i18n::text(lang, id)));
    let text = |id: &'static str, value: &str| vec![item(id), Cell::plain(Field::Text(value.to_owned()))];
    let number = |id: &'static str, value: i64| vec![item(id), Cell::plain(Field::Integer(value))];
    let mut rows = vec![
        text("rules-item-body", &meta.body),
        text("rules-item-title", &meta.title),
        number("rules-item-plan-year", i64::from(meta.year)),
        text("rules-item-horizon", &format!("{}–{}", meta.first_year, meta.last_year)),
        number("rules-item-year", i64::from(scorecard.year)),
        text("rules-item-plan-file", &provenance.plan.name),
        text("rules-item-plan-sha256", &provenance.plan.sha256),
    ];
    for file in &provenance.actuals {
        rows.push(text("rules-item-actuals-file", &file.name));
        rows.push(text("rules-item-actuals-sha256", &file.sha256));
    }
    if let Some(git) = &provenance.git {
        rows.push(text("rules-item-git-commit", &git.commit));
        let state = i18n::text(lang, if git.clean { "rules-git-clean" } else { "rules-git-dirty" });
        rows.push(text("rules-item-git-tree", &state));
    }
    rows.push(text("rules-item-tool", &provenance.tool));
    rows.extend(rules_lines(&scorecard.rules, lang).iter().map(|line| text("rules-item-rule", line)));
    for (node, overridden) in scorecard.overridden() {
        let note = format!("{}: {}", plan.node(node).id, override_note(lang, overridden));
        rows.push(text("rules-item-override", &note));
    }
    for (status, count) in scorecard.status_counts() {
        let item = Cell::plain(Field::Text(msg!("rules-item-status", status = status.as_str()).render(lang)));
        rows.push(vec![item, Cell::plain(Field::Integer(i64::try_from(count).unwrap_or(i64::MAX)))]);
    }
    let columns = vec!["item", "value"];
    Sheet {
        name: i18n::text(lang, "sheet-rules"),
        file_name: i18n::text(lang, "file-rules"),
        header: vec![i18n::text(lang, "rules-column-item"), i18n::text(lang, "rules-column-value")],
        columns,
        rows,
    }
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
