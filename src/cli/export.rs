//! `cruscotto export`: the results of `score` as a workbook, or as a folder of CSV files.

use anyhow::bail;
use cruscotto::diagnostic::has_errors;
use cruscotto::export;

use super::args::{ExportArgs, ExportFormat};
use super::io::{self, Output};
use super::score::{Scored, load_and_score};
use super::template::has_extension;
use super::{EXIT_INPUT_ERRORS, EXIT_OK};

pub(crate) fn run(args: &ExportArgs, output: &Output) -> anyhow::Result<u8> {
    // Usage errors first, before any work.
    let file = io::output_file(args.output.as_ref());
    let format = match (args.format, file) {
        (Some(format), _) => format,
        (None, None) => ExportFormat::Xlsx,
        (None, Some(path)) if has_extension(path, &["xlsx"]) => ExportFormat::Xlsx,
        (None, Some(path)) => bail!(
            "cannot tell the format from `{}`\nhelp: name the workbook `….xlsx`, or add `--format csv` to write one CSV file per sheet into that folder",
            path.display()
        ),
    };
    match (format, file) {
        (ExportFormat::Csv, None) => {
            bail!("--format csv writes one file per sheet: it needs -o FOLDER\nhelp: e.g. `-o risultati-2019`")
        }
        (ExportFormat::Xlsx, None) if output.stdout_is_terminal => {
            bail!("a workbook is binary: not written to the terminal\nhelp: use -o FILE.xlsx, or redirect the output")
        }
        _ => {}
    }
    io::refuse_to_overwrite(file, args.force)?;
    let Scored { plan, scorecard, provenance, diagnostics, .. } =
        match load_and_score(&args.plan, &args.actuals, args.year, args.strict, output)? {
            Ok(scored) => scored,
            Err(code) => return Ok(code),
        };
    let lang = output.deliverable_lang(&plan);
    let sheets = export::results(&plan, &scorecard, &provenance, lang);
    let summary = format!("{} sheets, {} indicators", sheets.len(), scorecard.indicators.len());
    match format {
        ExportFormat::Xlsx => {
            let title =
                cruscotto::msg!("export-title", title = &plan.metadata.title, year = scorecard.year).render(lang);
            let bytes = export::xlsx::workbook(&sheets, &title, io::now())?;
            match file {
                Some(path) => {
                    io::write_atomically(path, &bytes, args.force)?;
                    output.note(&format!("wrote {summary} to {}\n", path.display()));
                }
                None => output.print_bytes(&bytes)?,
            }
        }
        ExportFormat::Csv => {
            let path = file.expect("checked above");
            let files = export::csv_files::files(&sheets, lang);
            io::write_folder_atomically(path, &files, args.force)?;
            output.note(&format!("wrote {summary} as {} CSV files to {}\n", files.len(), path.display()));
        }
    }
    output.findings(&diagnostics);
    Ok(if has_errors(&diagnostics) { EXIT_INPUT_ERRORS } else { EXIT_OK })
}
