//! `cruscotto export`: the results of `score` as a workbook, or as a folder of CSV files.

use cruscotto::diagnostic::has_errors;
use cruscotto::export;
use cruscotto::msg;

use super::args::{ExportArgs, ExportFormat};
use super::io::{self, Output};
use super::score::{Keep, Scored, load_and_score};
use super::template::has_extension;
use super::words::{Failure, fail};
use super::{EXIT_INPUT_ERRORS, EXIT_OK};

pub(crate) fn run(args: &ExportArgs, output: &Output) -> anyhow::Result<u8> {
    // Usage errors first, before any work.
    let file = io::output_file(args.output.as_ref());
    let format = match (args.format, file) {
        (Some(format), _) => format,
        (None, None) => ExportFormat::Xlsx,
        (None, Some(path)) if has_extension(path, &["xlsx"]) => ExportFormat::Xlsx,
        (None, Some(path)) => {
            fail!(msg!("cli-export-unknown-format", file = path.display()), msg!("cli-export-unknown-format-help"))
        }
    };
    match (format, file) {
        (ExportFormat::Csv, None) => {
            fail!(msg!("cli-export-csv-needs-folder"), msg!("cli-export-csv-needs-folder-help"))
        }
        (ExportFormat::Xlsx, None) if output.stdout_is_terminal => {
            fail!(
                msg!("cli-binary-to-terminal", what = "workbook"),
                msg!("cli-binary-to-terminal-help", extension = "xlsx")
            )
        }
        _ => {}
    }
    io::refuse_to_overwrite(file, args.force)?;
    let Scored { plan, scorecard, provenance, diagnostics, .. } = match load_and_score(
        &args.plan,
        &args.actuals,
        args.year.map(cruscotto::period::Period::year),
        args.strict,
        Keep::Scored,
        output,
    )? {
        Ok(scored) => scored,
        Err(code) => return Ok(code),
    };
    let lang = output.deliverable_lang(&plan);
    let sheets = export::results(&plan, &scorecard, &provenance, lang);
    let wrote = msg!("cli-export-wrote").count("sheets", sheets.len()).count("indicators", scorecard.indicators.len());
    match format {
        ExportFormat::Xlsx => {
            let title = msg!("export-title", title = &plan.metadata.title, year = scorecard.year).render(lang);
            let bytes =
                export::xlsx::workbook(sheets, &title, io::now()).map_err(|error| Failure::new(error.message()))?;
            match file {
                Some(path) => {
                    io::write_atomically(path, &bytes, args.force)?;
                    output.note_line("", &wrote.arg("path", path.display()).count("files", 0));
                }
                None => output.print_bytes(&bytes)?,
            }
        }
        ExportFormat::Csv => {
            let path = file.expect("checked above");
            let files = export::csv_files::files(&sheets, lang);
            io::write_folder_atomically(path, &files, args.force)?;
            output.note_line("", &wrote.arg("path", path.display()).count("files", files.len()));
        }
    }
    output.findings(&diagnostics);
    Ok(if has_errors(&diagnostics) { EXIT_INPUT_ERRORS } else { EXIT_OK })
}
