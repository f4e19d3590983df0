//! `cruscotto list`: every indicator, one row each.

use cruscotto::msg;
use cruscotto::render::list;

use super::EXIT_OK;
use super::args::{ListArgs, ListFormat};
use super::io::{self, Output};
use super::words::fail;

/// Table width when stdout is not a terminal.
const PIPED_TABLE_WIDTH: u16 = 120;

pub(crate) fn run(args: &ListArgs, output: &Output) -> anyhow::Result<u8> {
    let plan = match io::load_valid_plan(&args.plan, output)? {
        Ok(plan) => io::keep_until_exit(plan),
        Err(code) => return Ok(code),
    };
    let all = list::all_columns(&plan);
    let columns = match (&args.columns, args.format) {
        (Some(columns), _) => {
            let columns: Vec<String> = columns.iter().map(|c| c.trim().to_owned()).filter(|c| !c.is_empty()).collect();
            if let Some(unknown) = columns.iter().find(|c| !all.contains(c)) {
                fail!(
                    msg!("cli-list-unknown-column", column = unknown),
                    msg!("cli-list-columns", columns = all.join(", "))
                );
            }
            columns
        }
        (None, ListFormat::Table) => list::default_table_columns(&plan),
        // CSV and JSON: the columns some row fills, found below from the rows themselves.
        (None, _) => Vec::new(),
    };
    let text = match args.format {
        ListFormat::Csv | ListFormat::Json => {
            // The rows are made once: the default columns are those some row fills.
            let rows = list::all_rows(&plan);
            let columns = if args.columns.is_some() { columns } else { list::header_of(&plan, &rows) };
            let rows = list::select(rows, &columns);
            match args.format {
                ListFormat::Csv => list::csv(&io::keep_until_exit(rows), &columns),
                _ => list::json(rows),
            }
        }
        ListFormat::Table => {
            let width = args.width.or_else(|| output.terminal_width()).unwrap_or(PIPED_TABLE_WIDTH);
            let lang = output.deliverable_lang(&plan);
            let rows = io::keep_until_exit(list::select(list::rows_for_people(&plan, lang), &columns));
            list::table(&rows, &columns, width, lang, plan.metadata.year, args.columns.is_some())
        }
    };
    output.print(&text)?;
    Ok(EXIT_OK)
}
