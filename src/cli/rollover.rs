//! `cruscotto rollover`: next year's plan, checked, written whole or not at all.

use anyhow::bail;
use cruscotto::diagnostic::Severity;
use cruscotto::render::diagnostics as render_diagnostics;
use cruscotto::source::SourceFile;

use super::args::RolloverArgs;
use super::io::{self, Output};
use super::{EXIT_INPUT_ERRORS, EXIT_OK};

pub(crate) fn run(args: &RolloverArgs, output: &Output) -> anyhow::Result<u8> {
    let file = io::output_file(args.output.as_ref());
    if let Some(path) = file
        && path.exists()
        && !args.force
    {
        bail!("`{}` exists; use --force to overwrite it", path.display());
    }
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
    let text = cruscotto::render::plan::toml(&rolled.plan, &header);

    // The new plan must load: an error here is a fault of the rollover, not of the plan.
    let name = file.map_or_else(|| "<stdout>".to_owned(), |path| path.display().to_string());
    let checked = cruscotto::check_plan(&SourceFile::new(name.clone(), text.clone()));
    if checked.plan.is_none() {
        let errors: Vec<_> = checked.diagnostics.into_iter().filter(|d| d.severity == Severity::Error).collect();
        let mut message = "error: the rolled-over plan does not pass `cruscotto check`; this is a fault of the rollover, please report it with the plan\n\n".to_owned();
        message.push_str(&render_diagnostics::text(&errors, output.stderr_style));
        output.eprint(&message);
        return Ok(EXIT_INPUT_ERRORS);
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
