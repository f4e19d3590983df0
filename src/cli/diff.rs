//! `cruscotto diff OLD NEW`: what changed between two versions of a plan, files or git revisions.

use std::path::Path;
use std::process::Command;

use anyhow::{Context, bail};
use cruscotto::plan::Plan;
use cruscotto::render::diagnostics as render_diagnostics;
use cruscotto::render::diff::{self as render, Sides};
use cruscotto::source::SourceFile;

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

/// Reads one side: an existing file, else `REV:path` through `git show`. A side with errors is
/// an error of the command (exit 2): a diff of a broken plan would mislead.
fn load_side(side: &str, output: &Output) -> anyhow::Result<Plan> {
    let source = if Path::new(side).exists() {
        match io::read_source(Path::new(side))? {
            Ok(source) => source,
            Err(diagnostic) => {
                output.eprint(&render_diagnostics::text(&[*diagnostic], output.stderr_style));
                bail!("`{side}` cannot be read as a plan");
            }
        }
    } else if let Some((revision, path)) =
        side.split_once(':').filter(|(rev, path)| !rev.is_empty() && !path.is_empty())
    {
        SourceFile::new(side, git_show(revision, path)?)
    } else {
        bail!("`{side}` is neither a file nor a git revision and path (`REV:path`, e.g. `HEAD~1:plans/plan.toml`)");
    };
    match io::checked_plan(&source, output) {
        Ok(plan) => Ok(plan),
        Err(_) => bail!("`{side}` has errors: fix them before comparing it"),
    }
}

/// The text of `path` at `revision`, from `git show REV:path` run in the current directory.
fn git_show(revision: &str, path: &str) -> anyhow::Result<String> {
    let spec = format!("{revision}:{path}");
    // A revision is never an option: `--output=FILE:x` would make git write FILE.
    if revision.starts_with('-') {
        bail!("`{spec}`: a git revision cannot start with `-`");
    }
    let result = Command::new("git").args(["show", "--end-of-options", &spec]).output();
    let output = match result {
        Ok(output) => output,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            bail!("`{spec}` names a git revision, but git is not installed (or not on PATH)")
        }
        Err(error) => return Err(error).context("cannot run git"),
    };
    if !output.status.success() {
        let message = String::from_utf8_lossy(&output.stderr);
        bail!("git cannot read `{spec}`: {}", message.trim().trim_start_matches("fatal: "));
    }
    String::from_utf8(output.stdout).with_context(|| format!("`{spec}` is not UTF-8 text"))
}
