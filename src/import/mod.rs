//! `cruscotto import`: a performance plan kept in a spreadsheet → the plan's TOML text.
//!
//! The pipeline, one file per step:
//!
//! - `text` and `workbook`: the file's bytes → sheets of cells, each with its source row and
//!   column (`grid`). This is the only part that knows file formats: `.xlsx`, `.ods` and `.xls`
//!   through calamine, text tables (`.csv`, `.tsv`, `.txt`) by delimiter detection. The format
//!   is told by the file's first bytes, not its name;
//! - `layout`: the rows are classified and walked, and handed to `dashboard` (the strategic
//!   dashboard) or `operational` (the operational table), which build a `draft::Draft`;
//!   `notes` reads the revision notes and acts written in Italian;
//! - `resolve`: registries, ids, units, polarity and the plan's metadata;
//! - `render`: the draft → TOML laid out like a plan written by hand.
//!
//! Nothing is dropped silently: content that cannot be placed is kept as a note on the nearest
//! node (or in the plan's notes) and reported as a warning with its row and column. The library
//! takes bytes and returns text and diagnostics; the CLI reads and writes the files.

mod dashboard;
mod draft;
mod grid;
mod layout;
mod notes;
mod operational;
mod render;
mod resolve;
mod text;
mod workbook;

use crate::diagnostic::{self, Code, Diagnostic};
use crate::i18n::Lang;
use crate::msg;

use grid::{Input, Kind, Place};

pub use draft::Counts;

/// What the user may say instead of leaving it to the import.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The plan year.
    pub year: Option<i32>,
    /// The body the plan is of.
    pub body: Option<String>,
    /// The plan's title.
    pub title: Option<String>,
    /// The language of the comments written into the plan (how the source was read): the
    /// plan's, which is Italian unless `--lang` says otherwise.
    pub lang: Lang,
}

/// The result of an import.
#[derive(Debug)]
pub struct Imported {
    /// The plan's TOML text, unless an error prevented it.
    pub plan: Option<String>,
    /// How many nodes of each level were found.
    pub counts: Counts,
    /// How many rows with content the file has.
    pub rows: usize,
    /// Every finding, in file order.
    pub diagnostics: Vec<Diagnostic>,
}

/// Imports the file displayed as `name`, whose content is `bytes`.
pub fn import(name: &str, bytes: Vec<u8>, options: &Options) -> Imported {
    let mut input = match read(name, bytes) {
        Ok(input) => input,
        Err(diagnostic) => {
            return Imported { plan: None, counts: Counts::default(), rows: 0, diagnostics: vec![*diagnostic] };
        }
    };
    let rows = input.row_count();
    let mut draft = draft::Draft::default();
    let mut ctx = draft::Context { input: &input, diagnostics: Vec::new(), lang: options.lang };
    if !layout::walk(&mut ctx, &mut draft) {
        ctx.diagnostics.push(no_layout(&input));
        return Imported { plan: None, counts: draft.counts(), rows, diagnostics: ctx.diagnostics };
    }
    let resolved = resolve::resolve(&mut ctx, &mut draft, options);
    let mut diagnostics = ctx.diagnostics;
    // Every cell is in the draft or in a diagnostic by now: the grid's memory can go before
    // the text is written.
    input.release_cells();
    let plan = resolved.map(|resolved| render::render(&input, rows, &draft, &resolved, options.lang));
    diagnostic::sort(&mut diagnostics);
    Imported { plan, counts: draft.counts(), rows, diagnostics }
}

/// The bytes → sheets of cells, by what the bytes are.
fn read(name: &str, bytes: Vec<u8>) -> Result<Input, Box<Diagnostic>> {
    match workbook::Format::sniff(&bytes) {
        Some(format) => {
            let (format, sheets) = workbook::read(name, bytes, format)?;
            Ok(Input { name: name.to_owned(), kind: Kind::Workbook { format }, sheets })
        }
        None => {
            let lower = name.to_lowercase();
            if [".xlsx", ".xlsm", ".ods", ".xls"].iter().any(|extension| lower.ends_with(extension)) {
                return Err(Box::new(
                    Diagnostic::new(Code::UnreadableWorkbook, msg!("unreadable-workbook-not-a-workbook", file = name))
                        .with_help(msg!("unreadable-workbook-not-a-workbook-help")),
                ));
            }
            let (source, delimiter, sheet) = text::read(name, bytes)?;
            Ok(Input { name: name.to_owned(), kind: Kind::Text { source, delimiter }, sheets: vec![sheet] })
        }
    }
}

fn no_layout(input: &Input) -> Diagnostic {
    let first = input.sheets.iter().enumerate().find_map(|(index, sheet)| {
        sheet.rows.first().map(|row| Place { sheet: index, row: row.number, column: row.cells[0].column })
    });
    let message = match first {
        Some(_) => msg!("import-no-layout", file = &input.name),
        None => msg!("import-no-layout-empty", file = &input.name),
    };
    let diagnostic = Diagnostic::new(Code::ImportNoLayout, message).with_help(msg!("import-no-layout-help"));
    match first {
        Some(place) => diagnostic.located(input.locate(place)),
        None => diagnostic,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> (String, Vec<(Code, usize)>) {
        let imported = import("t.txt", text.as_bytes().to_vec(), &Options::default());
        let found = imported.diagnostics.iter().map(|d| (d.code, d.location.as_ref().map_or(0, |l| l.line))).collect();
        let plan = imported.plan.unwrap_or_else(|| panic!("{:#?}", imported.diagnostics));
        let checked = crate::check_plan(&crate::source::SourceFile::new("t.toml", plan.clone()));
        assert!(checked.plan.is_some(), "{:#?}\n{plan}", checked.diagnostics);
        (plan, found)
    }

    #[test]
    fn what_cannot_be_placed_is_kept_and_reported() {
        let text = "Camera di Commercio di Esempio\n\
                    Presentazione del piano\tcon due celle\n\
                    011_ Competitività\n\
                    1. Obiettivo\t2019\t2020\n\
                    Indicatore A\t≥ 90%\tKpi da definire\tNota libera\n\
                    Una nota a sé\n\
                    Processi Interni\n\
                    Obiettivi strategici\tProgrammi di intervento\tObiettivo operativo\tIndicatore\tTarget\tServizi interni coinvolti\tArea\tNote\n\
                    1. Obiettivo\tProgramma\tObiettivo operativo\tIndicatore B\t31/12/2019\tLegale\tSG\tAggiornato con deliberazione della Giunta n. 3 del 2 febbraio 2019\n\
                    \t\t\tIndicatore C\n\
                    Aggiornato in sede di rolling annuale 2019\n";
        let (plan, found) = run(text);
        let unplaced = Code::ImportUnplacedContent;
        assert_eq!(found, [(unplaced, 2), (unplaced, 5), (unplaced, 5), (unplaced, 6)]);
        // The notes the import writes speak the plan's language: Italian, unless told otherwise.
        for expected in [
            "notes = \"riga 2: Presentazione del piano | con due celle\"",
            "notes = \"Il target 2020 è scritto \\\"Kpi da definire\\\" (riga 5, colonna C (2020)).\\nNota libera\"",
            "targets = { 2019 = \"≥ 90%\" }",
            "notes = \"riga 6: Una nota a sé\"",
            "perspective = \"processi-interni\"",
            "[[strategic-objective.revision]]\nchange = \"updated\"\nyear = 2019\n",
            "act = { body = \"Giunta\", number = \"3\", date = 2019-02-02 }",
        ] {
            assert!(plan.contains(expected), "the plan lacks:\n{expected}\n\n{plan}");
        }
        // A row with only an indicator: an indicator without target, the plan's last node.
        assert!(plan.ends_with("objective = \"O1.1\"\nname = \"Indicatore C\"\n"), "{plan}");
        assert!(plan.contains("\n# Dedotto (da verificare):\n"), "{plan}");
        assert!(plan.contains("[[indicator]] # riga 9\n"), "{plan}");

        // In English (`--lang en`), the same notes and comments in English; the rest is unchanged.
        let english = import("t.txt", text.as_bytes().to_vec(), &Options { lang: Lang::En, ..Options::default() });
        let english = english.plan.expect("the same plan");
        for expected in [
            "notes = \"line 2: Presentazione del piano | con due celle\"",
            "notes = \"The 2020 target is written \\\"Kpi da definire\\\" (line 5, column C (2020)).\\nNota libera\"",
            "\n# Inferred (check these):\n",
            "[[indicator]] # line 9\n",
        ] {
            assert!(english.contains(expected), "the plan lacks:\n{expected}\n\n{english}");
        }
        let keys = |plan: &str| {
            plan.lines()
                .filter(|l| !l.starts_with('#') && !l.starts_with("notes"))
                .map(|l| l.split(" #").next().unwrap_or(l).to_owned())
                .collect::<Vec<_>>()
        };
        assert_eq!(keys(&plan), keys(&english));
    }

    #[test]
    fn the_year_and_the_body_are_needed() {
        let text = "Obiettivi strategici\tProgrammi di intervento\tObiettivo operativo\tIndicatore\tTarget\n\
                    011_ Competitività\n\
                    1. Obiettivo\tProgramma\tObiettivo\tIndicatore\t≥ 90%\n";
        let imported = import("t.txt", text.as_bytes().to_vec(), &Options::default());
        let codes: Vec<Code> = imported.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, [Code::ImportMissingMetadata, Code::ImportMissingMetadata]);
        assert!(imported.plan.is_none());
        let options = Options { year: Some(2020), body: Some("Comune di Esempio".into()), ..Options::default() };
        let imported = import("t.txt", text.as_bytes().to_vec(), &options);
        let plan = imported.plan.unwrap();
        assert!(plan.contains("title = \"Piano operativo 2020\"\nyear = 2020\nhorizon = [2020, 2020]"), "{plan}");
    }
}
