//! Files, environment and terminal: reading plans, choosing colour and width, writing output.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use cruscotto::diagnostic::Diagnostic;
use cruscotto::render::diagnostics as render_diagnostics;
use cruscotto::render::style::Style;
use cruscotto::source::SourceFile;

use super::args::{ColorChoice, PlanArg};

/// Plans larger than this are refused before reading: real plans are a few hundred kilobytes.
const MAX_PLAN_BYTES: u64 = 64 * 1024 * 1024;

/// Where output goes and how it looks.
pub(crate) struct Output {
    pub(crate) style: Style,
    pub(crate) stderr_style: Style,
    pub(crate) stdout_is_terminal: bool,
}

impl Output {
    pub(crate) fn new(choice: ColorChoice) -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let stdout_is_terminal = std::io::stdout().is_terminal();
        let decide = |terminal: bool| match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => terminal && !no_color,
        };
        Self {
            style: Style { color: decide(stdout_is_terminal) },
            stderr_style: Style { color: decide(std::io::stderr().is_terminal()) },
            stdout_is_terminal,
        }
    }

    /// Writes `text` to stdout as one piece.
    pub(crate) fn print(&self, text: &str) -> anyhow::Result<()> {
        let mut stdout = std::io::stdout().lock();
        stdout.write_all(text.as_bytes())?;
        stdout.flush()?;
        Ok(())
    }

    /// Writes `text` to stderr.
    pub(crate) fn eprint(&self, text: &str) {
        let _ = std::io::stderr().lock().write_all(text.as_bytes());
    }

    /// The terminal's width, when stdout is a terminal (`COLUMNS` first).
    pub(crate) fn terminal_width(&self) -> Option<u16> {
        if let Some(columns) = std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok()) {
            return Some(columns);
        }
        self.stdout_is_terminal.then(|| comfy_table::Table::new().width()).flatten()
    }
}

/// The plan path: the argument, else `$CRUSCOTTO_PLAN`, else `./plan.toml`.
pub(crate) fn plan_path(arg: &PlanArg) -> anyhow::Result<PathBuf> {
    if let Some(path) = &arg.plan {
        return Ok(path.clone());
    }
    let from_env = std::env::var_os("CRUSCOTTO_PLAN").filter(|v| !v.is_empty());
    if let Some(path) = from_env {
        return Ok(PathBuf::from(path));
    }
    let default = PathBuf::from("plan.toml");
    if default.exists() {
        return Ok(default);
    }
    bail!(
        "no plan given: tried the PLAN argument (none), $CRUSCOTTO_PLAN (not set) and ./plan.toml (not found)\n\
         help: run `cruscotto check path/to/plan.toml`, or set CRUSCOTTO_PLAN"
    )
}

/// Reads a text file whole. I/O problems are errors (exit 2); content problems (not UTF-8)
/// come back as a diagnostic.
pub(crate) fn read_source(path: &Path) -> anyhow::Result<Result<SourceFile, Box<Diagnostic>>> {
    let name = path.display().to_string();
    let metadata = std::fs::metadata(path).with_context(|| format!("cannot read `{name}`"))?;
    if metadata.is_dir() {
        bail!("`{name}` is a directory, not a plan file");
    }
    if metadata.len() > MAX_PLAN_BYTES {
        bail!(
            "`{name}` is {} MiB; plans larger than {} MiB are not supported",
            metadata.len() / (1024 * 1024),
            MAX_PLAN_BYTES / (1024 * 1024)
        );
    }
    let bytes = std::fs::read(path).with_context(|| format!("cannot read `{name}`"))?;
    Ok(cruscotto::decode_source(&name, bytes))
}

/// Actuals files larger than this are refused: a million rows is about 40 MiB.
const MAX_ACTUALS_BYTES: u64 = 1024 * 1024 * 1024;

/// Reads an actuals file whole, as UTF-8 or Windows-1252.
pub(crate) fn read_actuals(path: &Path) -> anyhow::Result<SourceFile> {
    let name = path.display().to_string();
    let metadata = std::fs::metadata(path).with_context(|| format!("cannot read `{name}`"))?;
    if metadata.is_dir() {
        bail!("`{name}` is a directory, not an actuals file");
    }
    if metadata.len() > MAX_ACTUALS_BYTES {
        bail!("`{name}` is {} MiB; actuals files larger than 1 GiB are not supported", metadata.len() / (1024 * 1024));
    }
    let bytes = std::fs::read(path).with_context(|| format!("cannot read `{name}`"))?;
    let (text, _) = cruscotto::actuals::encoding::decode(bytes);
    Ok(SourceFile::new(name, text))
}

/// Writes `text` to `path` whole or not at all: a temporary file in the same folder, then a
/// rename. An existing file is kept unless `force`.
pub(crate) fn write_atomically(path: &Path, text: &str, force: bool) -> anyhow::Result<()> {
    let name = path.display().to_string();
    if path.exists() && !force {
        bail!("`{name}` exists; use --force to overwrite it");
    }
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let temporary = folder.join(format!(".{file_name}.{}.tmp", std::process::id()));
    let result = (|| -> std::io::Result<()> {
        let mut file = std::fs::File::create(&temporary)?;
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
        std::fs::rename(&temporary, path)
    })();
    if let Err(error) = result {
        let _ = std::fs::remove_file(&temporary);
        return Err(error).with_context(|| format!("cannot write `{name}`"));
    }
    Ok(())
}

/// Loads a plan for a command that needs a valid one: errors are printed to stderr (exit 1);
/// warnings are summed up in one line.
pub(crate) fn load_valid_plan(arg: &PlanArg, output: &Output) -> anyhow::Result<Result<cruscotto::plan::Plan, u8>> {
    Ok(load_valid_plan_with_source(arg, output)?.map(|(plan, _)| plan))
}

/// [`load_valid_plan`], also returning the plan's source, for diagnostics that point into it.
pub(crate) fn load_valid_plan_with_source(
    arg: &PlanArg,
    output: &Output,
) -> anyhow::Result<Result<(cruscotto::plan::Plan, SourceFile), u8>> {
    let path = plan_path(arg)?;
    let source = match read_source(&path)? {
        Ok(source) => source,
        Err(diagnostic) => {
            output.eprint(&render_diagnostics::text(&[*diagnostic], output.stderr_style));
            return Ok(Err(super::EXIT_INPUT_ERRORS));
        }
    };
    let checked = cruscotto::check_plan(&source);
    match checked.plan {
        Some(plan) => {
            let warnings = checked.diagnostics.len();
            if warnings > 0 {
                let s = if warnings == 1 { "" } else { "s" };
                output.eprint(&format!(
                    "note: {} has {warnings} warning{s}; `cruscotto check {}` shows them\n",
                    source.name(),
                    source.name()
                ));
            }
            Ok(Ok((plan, source)))
        }
        None => {
            let mut text = render_diagnostics::text(&checked.diagnostics, output.stderr_style);
            text.push_str(&render_diagnostics::summary(source.name(), &checked.diagnostics));
            text.push('\n');
            output.eprint(&text);
            Ok(Err(super::EXIT_INPUT_ERRORS))
        }
    }
}

/// Whether an error is a closed pipe (`cruscotto list | head`), which is not a failure.
pub(crate) fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error
        .chain()
        .any(|cause| cause.downcast_ref::<std::io::Error>().is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe))
}
