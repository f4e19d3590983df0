//! `cruscotto history`: the revision log, grouped by act.

use cruscotto::render::history as render;

use super::EXIT_OK;
use super::args::{HistoryArgs, ReportFormat};
use super::io::{self, Output};

pub(crate) fn run(args: &HistoryArgs, output: &Output) -> anyhow::Result<u8> {
    let plan = match io::load_valid_plan(&args.plan, output)? {
        Ok(plan) => plan,
        Err(code) => return Ok(code),
    };
    let history = cruscotto::history::history(&plan);
    let lang = output.deliverable_lang(&plan);
    let text = match args.format {
        ReportFormat::Text => render::text(&plan, &history, output.style, lang),
        ReportFormat::Json => render::json(&plan, &history),
        ReportFormat::Markdown => render::markdown(&plan, &history, lang),
    };
    output.print(&text)?;
    Ok(EXIT_OK)
}
