//! `cruscotto diff OLD NEW`: what changed between two versions of a plan, files or git revisions.

use std::path::Path;

use cruscotto::msg;
use cruscotto::plan::Plan;
use cruscotto::render::diff::{self as render, Sides};
use cruscotto::source::SourceFile;

use super::args::{DiffArgs, DiffFormat};
use super::io::{self, Origin, Output};
use super::words::fail;
use super::{EXIT_INPUT_ERRORS, EXIT_OK};

pub(crate) fn run(args: &DiffArgs, output: &Output) -> anyhow::Result<u8> {
    if args.old == "-" && args.new == "-" {
        fail!(msg!("cli-stdin-twice", sides = "old-and-new"));
    }
    let (old, _, _) = load_side(&args.old, output)?;
    let (new, new_source, new_origin) = load_side(&args.new, output)?;
    let diff = cruscotto::diff::diff(&old, &new);
    let uncovered = args.require_acts.then(|| cruscotto::diff::uncovered(&old, &new, &diff));
    let sides = Sides { old: &args.old, new: &args.new };
    // The comparison is of the new version: it speaks that version's language.
    let lang = output.deliverable_lang(&new);
    let text = match args.format {
        DiffFormat::Text => render::text(&diff, sides, uncovered.as_deref(), output.style, lang),
        DiffFormat::Json => render::json(&diff, sides, uncovered.as_deref()),
        DiffFormat::Markdown => render::markdown(&diff, sides, uncovered.as_deref(), lang),
        DiffFormat::Github => {
            // Annotations name the file as the repository holds it.
            let file = match &new_origin {
                Origin::Stdin => None,
                Origin::File(path) => Some(path.display().to_string()),
                Origin::Git { path, .. } => Some(path.clone()),
            };
            render::github(&diff, uncovered.as_deref(), &new, &new_source, file.as_deref())
        }
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
fn load_side(side: &str, output: &Output) -> anyhow::Result<(Plan, SourceFile, Origin)> {
    let origin = Origin::plan(Path::new(side));
    let source = match io::read_plan(&origin)?.1 {
        Ok(source) => source,
        Err(diagnostic) => {
            output.eprint(&output.diagnostics_text(&[*diagnostic]));
            fail!(msg!("cli-diff-unreadable", side = side));
        }
    };
    match io::checked_plan(&source, output) {
        Ok(plan) => Ok((plan, source, origin)),
        Err(_) => fail!(msg!("cli-diff-errors", side = side)),
    }
}
