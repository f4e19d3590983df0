//! `cruscotto diff OLD NEW`: what changed between two versions of a plan, files or git revisions.

use std::path::Path;

use anyhow::bail;
use cruscotto::plan::Plan;
use cruscotto::render::diagnostics as render_diagnostics;
use cruscotto::render::diff::{self as render, Sides};

use super::args::{DiffArgs, ReportFormat};
use super::io::{self, Output};
use super::{EXIT_INPUT_ERRORS, EXIT_OK};

pub(crate) fn run(args: &DiffArgs, output: &Output) -> anyhow::Result<u8> {
    let old = load_side(&args.old, output)?;
    let new = load_side(&args.new, output)?;
    let diff = cruscotto::diff::diff(&old, &new);
    let uncovered = args.require_acts.then(|| cruscotto::diff::uncovered(&old, &new, &diff));
    let sides = Sides { old: &args.old, new: &args.new };
    let text = match args.format {
        ReportFormat::Text => render::text(&diff, sides, uncovered.as_deref(), output.style),
        ReportFormat::Json => render::json(&diff, sides, uncovered.as_deref()),
        ReportFormat::Markdown => render::markdown(&diff, sides, uncovered.as_deref()),
    };
    output.print(&text)?;
    let failed = match &uncovered {
        Some(uncovered) => !uncovered.is_empty(),
        None => !diff.is_empty(),
    };
    Ok(if failed { EXIT_INPUT_ERRORS } else { EXIT_OK })
}

/// Reads one side: a file, `-` (standard input) or `REV:path` through `git show`. A side with
/// errors is an error of the command (exit 2): a diff of a broken plan would mislead.
fn load_side(side: &str, output: &Output) -> anyhow::Result<Plan> {
    let origin = io::Origin::plan(Path::new(side));
    let source = match io::read_plan(&origin)?.1 {
        Ok(source) => source,
        Err(diagnostic) => {
            output.eprint(&render_diagnostics::text(&[*diagnostic], output.stderr_style));
            bail!("`{side}` cannot be read as a plan");
        }
    };
    match io::checked_plan(&source, output) {
        Ok(plan) => Ok(plan),
        Err(_) => bail!("`{side}` has errors: fix them before comparing it"),
    }
}
