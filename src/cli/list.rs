//! `cruscotto list`: every indicator, one row each.

use cruscotto::render::list;

use super::EXIT_OK;
use super::args::{ListArgs, ListFormat};
use super::io::{self, Output};

/// Table width when stdout is not a terminal.
const PIPED_TABLE_WIDTH: u16 = 120;

pub(crate) fn run(args: &ListArgs, output: &Output) -> anyhow::Result<u8> {
    let plan = match io::load_valid_plan(&args.plan, output)? {
        Ok(plan) => plan,
        Err(code) => return Ok(code),
    };
    let text = match args.format {
        ListFormat::Csv => list::csv(&plan),
        ListFormat::Json => list::json(&plan),
        ListFormat::Table => {
            let width = args.width.or_else(|| output.terminal_width()).unwrap_or(PIPED_TABLE_WIDTH);
            list::table(&plan, width)
        }
    };
    output.print(&text)?;
    Ok(EXIT_OK)
}
