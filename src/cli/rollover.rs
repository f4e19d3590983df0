//! `cruscotto rollover`: next year's plan, checked, written whole or not at all.

use super::EXIT_OK;
use super::args::RolloverArgs;
use super::io::{self, Output};

pub(crate) fn run(args: &RolloverArgs, output: &Output) -> anyhow::Result<u8> {
    let file = io::output_file(args.output.as_ref());
    io::refuse_to_overwrite(file, args.force)?;
    let loaded = match io::load_plan(&args.plan, output)? {
        Ok(loaded) => loaded,
        Err(code) => return Ok(code),
    };
    let old = &loaded.plan;
    let year = args.year.unwrap_or(old.metadata.year + 1);
    let mut rolled = cruscotto::rollover::rollover(old, year, args.until)
        .map_err(|error| anyhow::anyhow!("--year {year}: {error}"))?;
    if let Some(title) = &args.title {
        rolled.plan.metadata.title.clone_from(title);
    }
    let header = cruscotto::rollover::header(&io::recorded_name(&loaded.origin), old, &rolled);
    // An acceptance the new year makes void (an act no longer after the plan year) goes.
    let text = cruscotto::accept::without_unused("rolled.toml", &cruscotto::render::plan::toml(&rolled.plan, &header));

    // The new plan must load: an error here is a fault of the rollover, not of the plan.
    if let Err(code) = io::check_written(&text, file, "the rollover, please report it with the plan", output) {
        return Ok(code);
    }
    match file {
        Some(path) => io::write_atomically(path, &text, args.force)?,
        None => output.print(&text)?,
    }
    let metadata = &rolled.plan.metadata;
    let mut summary = format!(
        "{} {}: plan year {} → {year}, horizon {}–{}{}",
        if file.is_some() { "wrote" } else { "rolled over" },
        file.map_or_else(|| loaded.origin.display(), |path| path.display().to_string()),
        old.metadata.year,
        metadata.first_year,
        metadata.last_year,
        if rolled.horizon_extended { " (extended)" } else { "" },
    );
    if !rolled.shorthands.is_empty() {
        summary.push_str(&format!(
            "; {} shorthand targets written under {}",
            rolled.shorthands.len(),
            old.metadata.year
        ));
    }
    summary.push('\n');
    if args.title.is_none() {
        summary.push_str(&format!("note: the title is unchanged (\"{}\"): set it with --title\n", metadata.title));
    }
    if let Some(act) = &old.metadata.adopted_by {
        summary.push_str(&format!(
            "note: `adopted-by` ({act}) is not carried over: record the act that adopts the new plan\n"
        ));
    }
    output.note(&summary);
    Ok(EXIT_OK)
}
