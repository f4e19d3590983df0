//! `cruscotto import`: a spreadsheet → a TOML plan, checked before it is written.

use cruscotto::import::{Counts, Options};
use cruscotto::render::diagnostics as render_diagnostics;

use super::args::ImportArgs;
use super::io::{self, Output};
use super::{EXIT_INPUT_ERRORS, EXIT_OK};

/// Spreadsheets larger than this are refused before reading: an annex is a few hundred
/// kilobytes, and 100,000 rows of text about 30 MiB.
const MAX_INPUT_BYTES: u64 = 256 * 1024 * 1024;

pub(crate) fn run(args: &ImportArgs, output: &Output) -> anyhow::Result<u8> {
    let file = io::output_file(args.output.as_ref());
    io::refuse_to_overwrite(file, args.force)?;
    let origin = io::Origin::data(&args.file);
    let name = io::recorded_name(&origin);
    let bytes = origin.read("a spreadsheet", MAX_INPUT_BYTES)?;
    let options = Options { year: args.year, body: args.body.clone(), title: args.title.clone() };
    let imported = cruscotto::import::import(&name, bytes, &options);

    output.eprint(&render_diagnostics::text(&imported.diagnostics, output.stderr_style));
    if !imported.diagnostics.is_empty() {
        output.note(&format!("{}\n", render_diagnostics::summary(&name, &imported.diagnostics)));
    }
    let Some(plan) = imported.plan else {
        return Ok(EXIT_INPUT_ERRORS);
    };

    // The plan must load: an error here is a fault of the import, not of the source.
    let warnings = match io::check_written(&plan, file, "the import, please report it with the source file", output) {
        Ok(diagnostics) => diagnostics.len(),
        Err(code) => return Ok(code),
    };

    let counts = summary(&imported.counts);
    let mut text = String::new();
    match file {
        Some(path) => {
            io::write_atomically(path, &plan, args.force)?;
            text.push_str(&format!("wrote {}: {counts}\n", path.display()));
        }
        None => {
            output.print(&plan)?;
            text.push_str(&format!("imported {name}: {counts}\n"));
        }
    }
    if warnings > 0 {
        let s = if warnings == 1 { "" } else { "s" };
        let see = match file {
            Some(path) => format!("`cruscotto check {}` shows them", path.display()),
            None => "save the plan and check it to see them".to_owned(),
        };
        text.push_str(&format!(
            "note: `cruscotto check` finds {warnings} warning{s} in the plan, about the source's content: {see}\n"
        ));
    }
    output.note(&text);
    Ok(EXIT_OK)
}

/// `4 missions, 14 strategic objectives (52 indicators), ...`.
fn summary(counts: &Counts) -> String {
    let n = |count: usize, one: &str, many: &str| format!("{count} {}", if count == 1 { one } else { many });
    format!(
        "{}, {} ({}), {}, {} ({}), {}",
        n(counts.missions, "mission", "missions"),
        n(counts.strategic_objectives, "strategic objective", "strategic objectives"),
        n(counts.strategic_indicators, "indicator", "indicators"),
        n(counts.programs, "program", "programs"),
        n(counts.operational_objectives, "operational objective", "operational objectives"),
        n(counts.operational_indicators, "indicator", "indicators"),
        n(counts.revisions, "revision", "revisions"),
    )
}
