//! `cruscotto template`: the actuals file to be filled in, as CSV or as a workbook.

use cruscotto::i18n::Lang;
use cruscotto::msg;
use cruscotto::render::template;

use super::EXIT_OK;
use super::args::{Delimiter, TemplateArgs, TemplateFormat};
use super::io::{self, Output};
use super::words::{Failure, fail};

pub(crate) fn run(args: &TemplateArgs, output: &Output) -> anyhow::Result<u8> {
    let file = io::output_file(args.output.as_ref());
    let format = args.format.unwrap_or_else(|| match file {
        _ if args.by_service => TemplateFormat::Xlsx,
        Some(path) if has_extension(path, &["xlsx"]) => TemplateFormat::Xlsx,
        _ => TemplateFormat::Csv,
    });
    if args.by_service && format != TemplateFormat::Xlsx {
        fail!(msg!("cli-template-by-service-needs-xlsx"), msg!("cli-template-by-service-needs-xlsx-help"));
    }
    if format == TemplateFormat::Xlsx && file.is_none() && output.stdout_is_terminal {
        fail!(
            msg!("cli-binary-to-terminal", what = "workbook"),
            msg!("cli-binary-to-terminal-help", extension = "xlsx")
        );
    }
    let plan = match io::load_valid_plan(&args.plan, output)? {
        Ok(plan) => plan,
        Err(code) => return Ok(code),
    };
    let year = io::plan_year(&plan, args.year)?;
    let lang = output.deliverable_lang(&plan);
    let mut services = Vec::new();
    for id in &args.service {
        match plan.services.iter().position(|s| s.id == *id) {
            Some(index) => services.push(index),
            None => {
                let known: Vec<&str> = plan.services.iter().map(|s| s.id.as_str()).collect();
                fail!(
                    msg!("cli-unknown-service", id = id),
                    msg!("cli-unknown-service-help", services = known.join(", "))
                );
            }
        }
    }
    let keep = |index| {
        let indicator = plan.node(index).indicator().expect("an indicator");
        services.is_empty() || indicator.cross_cutting || indicator.services.iter().any(|s| services.contains(s))
    };
    let (bytes, written) = match format {
        TemplateFormat::Csv => {
            let rows: Vec<_> = template::expected_indicators(&plan, year, keep).collect();
            // The delimiter of the language's spreadsheets: Italian Excel splits on `;`.
            let delimiter = match args.delimiter {
                Some(Delimiter::Comma) => b',',
                Some(Delimiter::Semicolon) => b';',
                Some(Delimiter::Tab) => b'\t',
                None if lang == Lang::It => b';',
                None => b',',
            };
            let text = template::csv(&plan, year, &rows, delimiter, lang);
            let count: usize = rows.iter().map(|&index| template::rows(&plan, year, index, lang).len()).sum();
            (text.into_bytes(), msg!("cli-template-wrote").count("rows", count).count("sheets", 0))
        }
        TemplateFormat::Xlsx => {
            let sheets = if args.by_service {
                template::sheets_by_service(&plan, year, &services, lang)
            } else {
                let rows = template::expected_indicators(&plan, year, keep).collect();
                vec![template::Sheet { name: template::sheet_name(year, lang), service: None, rows }]
            };
            let rows: usize = sheets.iter().map(|sheet| sheet.rows.len()).sum();
            let bytes = cruscotto::export::template::workbook(&plan, year, &sheets, io::now(), lang)
                .map_err(|error| Failure::new(error.message()))?;
            (bytes, msg!("cli-template-wrote").count("rows", rows).count("sheets", sheets.len()))
        }
    };
    match file {
        Some(path) => {
            io::write_atomically(path, &bytes, args.force)?;
            output.note_line("", &written.arg("path", path.display()));
        }
        None if format == TemplateFormat::Xlsx => output.print_bytes(&bytes)?,
        None => output.print(&String::from_utf8(bytes).expect("a CSV template is UTF-8"))?,
    }
    Ok(EXIT_OK)
}

/// Whether `path` ends in one of `extensions` (lower case), in any case.
pub(crate) fn has_extension(path: &std::path::Path, extensions: &[&str]) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| extensions.contains(&e.to_ascii_lowercase().as_str()))
}
