//! `cruscotto rollover`: next year's plan, checked, written whole or not at all.

use cruscotto::msg;

use super::EXIT_OK;
use super::args::RolloverArgs;
use super::io::{self, Output};
use super::words::Failure;

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
        .map_err(|error| Failure::new(msg!("cli-rollover-year", year = year).message("reason", error.message())))?;
    if let Some(title) = &args.title {
        rolled.plan.metadata.title.clone_from(title);
    }
    let lang = output.deliverable_lang(old);
    let header = cruscotto::rollover::header(&io::recorded_name(&loaded.origin), old, &rolled, lang);
    // An acceptance the new year makes void (an act no longer after the plan year) goes.
    let text = cruscotto::accept::without_unused("rolled.toml", &cruscotto::render::plan::toml(&rolled.plan, &header));

    // The new plan must load: an error here is a fault of the rollover, not of the plan.
    if let Err(code) = io::check_written(&text, file, "rollover", output) {
        return Ok(code);
    }
    match file {
        Some(path) => io::write_atomically(path, &text, args.force)?,
        None => output.print(&text)?,
    }
    let metadata = &rolled.plan.metadata;
    let summary = match file {
        Some(path) => msg!("cli-rollover-wrote", file = path.display()),
        None => msg!("cli-rollover-rolled", file = loaded.origin.display()),
    };
    let summary = summary
        .arg("old", old.metadata.year)
        .arg("year", year)
        .arg("first", metadata.first_year)
        .arg("last", metadata.last_year)
        .arg("extended", if rolled.horizon_extended { "yes" } else { "no" })
        .count("shorthands", rolled.shorthands.len());
    output.note_line("", &summary);
    if args.title.is_none() {
        output.note_line("note: ", &msg!("cli-rollover-title-unchanged", title = &metadata.title));
    }
    if let Some(act) = &old.metadata.adopted_by {
        output.note_line("note: ", &msg!("cli-rollover-adoption-not-carried", act = act));
    }
    Ok(EXIT_OK)
}
