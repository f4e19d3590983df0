//! Files, environment and terminal: reading plans, choosing colour and width, writing output.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use cruscotto::diagnostic::Diagnostic;
use cruscotto::i18n::Lang;
use cruscotto::provenance::{GitState, InputFile};
use cruscotto::render::diagnostics as render_diagnostics;
use cruscotto::render::style::Style;
use cruscotto::source::SourceFile;

use super::args::{ColorChoice, PlanArg};

/// Plans larger than this are refused before reading: real plans are a few hundred kilobytes.
const MAX_PLAN_BYTES: u64 = 64 * 1024 * 1024;

/// Where output goes and how it looks.
#[expect(dead_code, reason = "the languages are read as messages and deliverables move into the catalogue")]
pub(crate) struct Output {
    pub(crate) style: Style,
    pub(crate) stderr_style: Style,
    pub(crate) stdout_is_terminal: bool,
    /// The language of messages, errors and notes (see [`interface_lang`]).
    pub(crate) interface_lang: Lang,
    /// `--lang`, which also sets the language of deliverables (see [`Output::deliverable_lang`]).
    pub(crate) lang_override: Option<Lang>,
}

/// The language of the interface: `--lang`, then `CRUSCOTTO_LANG`, then the locale (the first
/// of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set, as POSIX reads them); English when none
/// names a language of the catalogue.
pub(crate) fn interface_lang(flag: Option<Lang>) -> Lang {
    let var = |name: &str| std::env::var(name).ok().filter(|value| !value.is_empty());
    flag.or_else(|| var("CRUSCOTTO_LANG").and_then(|code| Lang::from_code(&code)))
        .or_else(|| {
            ["LC_ALL", "LC_MESSAGES", "LANG"].into_iter().find_map(var).and_then(|locale| Lang::from_locale(&locale))
        })
        .unwrap_or(Lang::En)
}

impl Output {
    /// The language of what is written for people from `plan`: `--lang`, else the plan's `lang`
    /// (Italian when it states none). The interface's language does not change it: an Italian
    /// plan's deliverables are Italian in an English shell.
    #[expect(dead_code, reason = "the languages are read as messages and deliverables move into the catalogue")]
    pub(crate) fn deliverable_lang(&self, plan: &cruscotto::plan::Plan) -> Lang {
        self.lang_override.unwrap_or_else(|| plan.metadata.lang())
    }

    pub(crate) fn new(choice: ColorChoice, lang: Option<Lang>) -> Self {
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
            interface_lang: interface_lang(lang),
            lang_override: lang,
        }
    }

    /// Writes `text` to stdout as one piece.
    pub(crate) fn print(&self, text: &str) -> anyhow::Result<()> {
        let mut stdout = std::io::stdout().lock();
        stdout.write_all(text.as_bytes())?;
        stdout.flush()?;
        Ok(())
    }

    /// Writes `bytes` (a workbook) to stdout, which must not be a terminal.
    pub(crate) fn print_bytes(&self, bytes: &[u8]) -> anyhow::Result<()> {
        if self.stdout_is_terminal {
            bail!("a workbook is binary: not written to the terminal\nhelp: use -o FILE.xlsx, or redirect the output");
        }
        let mut stdout = std::io::stdout().lock();
        stdout.write_all(bytes)?;
        stdout.flush()?;
        Ok(())
    }

    /// Writes `text` to stderr.
    pub(crate) fn eprint(&self, text: &str) {
        let _ = std::io::stderr().lock().write_all(text.as_bytes());
    }

    /// Writes diagnostics to stderr, followed (when there are any) by the summary line that
    /// names `file`.
    pub(crate) fn report(&self, file: &str, diagnostics: &[Diagnostic]) {
        if diagnostics.is_empty() {
            return;
        }
        let mut text = render_diagnostics::text(diagnostics, self.stderr_style);
        text.push_str(&render_diagnostics::summary(file, diagnostics));
        text.push('\n');
        self.eprint(&text);
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

/// Reads a file whole, after checking it is a file of at most `limit` bytes; `what` names the
/// kind of file expected in messages (`a plan file`, `an actuals file`...).
pub(crate) fn read_bytes(path: &Path, what: &str, limit: u64) -> anyhow::Result<Vec<u8>> {
    let name = path.display().to_string();
    let metadata = std::fs::metadata(path).with_context(|| format!("cannot read `{name}`"))?;
    if metadata.is_dir() {
        bail!("`{name}` is a directory, not {what}");
    }
    if metadata.len() > limit {
        bail!(
            "`{name}` is {} MiB; {what} larger than {} MiB is not supported",
            metadata.len() / (1024 * 1024),
            limit / (1024 * 1024)
        );
    }
    std::fs::read(path).with_context(|| format!("cannot read `{name}`"))
}

/// Reads a text file whole. I/O problems are errors (exit 2); content problems (not UTF-8)
/// come back as a diagnostic.
pub(crate) fn read_source(path: &Path) -> anyhow::Result<Result<SourceFile, Box<Diagnostic>>> {
    Ok(read_plan_file(path)?.1)
}

/// [`read_source`], also returning the digest of the bytes read, for provenance.
pub(crate) fn read_plan_file(path: &Path) -> anyhow::Result<(InputFile, Result<SourceFile, Box<Diagnostic>>)> {
    let name = path.display().to_string();
    let bytes = read_bytes(path, "a plan file", MAX_PLAN_BYTES)?;
    let input = InputFile::of(&name, &bytes);
    Ok((input, cruscotto::decode_source(&name, bytes)))
}

/// Actuals files larger than this are refused: a million rows is about 40 MiB.
const MAX_ACTUALS_BYTES: u64 = 1024 * 1024 * 1024;

/// Reads an actuals file whole: a CSV file (UTF-8 or Windows-1252) as one source, a workbook
/// (`.xlsx`, `.ods`...) as one source per sheet, named `file[sheet]`. A workbook that cannot be
/// read (damaged, protected by a password) is an error (exit 2), like a file that is missing.
/// The digest of the bytes read comes with the sources, for provenance.
pub(crate) fn read_actuals(path: &Path) -> anyhow::Result<(Vec<SourceFile>, InputFile)> {
    use cruscotto::actuals::workbook::{self, WorkbookError};
    let name = path.display().to_string();
    let bytes = read_bytes(path, "an actuals file", MAX_ACTUALS_BYTES)?;
    let input = InputFile::of(&name, &bytes);
    if let Some(kind) = workbook::kind(&name, &bytes) {
        let sheets = workbook::sheets(&name, &bytes, kind).map_err(|error| {
            let help = match error {
                WorkbookError::PasswordProtected => {
                    "save a copy without the password (in Excel: File > Info > Protect Workbook > Encrypt with Password, then clear it)"
                }
                WorkbookError::Unreadable { .. } => {
                    "open it in its spreadsheet and save it again as .xlsx, or save the sheet as CSV"
                }
                WorkbookError::TooLarge(_) => "split the sheet, or save it as CSV",
            };
            anyhow::anyhow!("cannot read `{name}`: {error}\nhelp: {help}")
        })?;
        return Ok((sheets, input));
    }
    let (text, _) = cruscotto::actuals::encoding::decode(bytes);
    Ok((vec![SourceFile::new(name, text)], input))
}

/// The state of the git repository holding `file`, for provenance: `None` outside a repository
/// or when git cannot be run. Only tracked files count for "clean": an untracked scratch file
/// beside the plan does not change what the commit holds.
pub(crate) fn git_state(file: &Path) -> Option<GitState> {
    let folder = match file.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let git = |args: &[&str]| -> Option<String> {
        let output = std::process::Command::new("git").arg("-C").arg(folder).args(args).output().ok()?;
        output.status.success().then(|| String::from_utf8_lossy(&output.stdout).trim().to_owned())
    };
    let commit = git(&["rev-parse", "--verify", "--quiet", "HEAD"])?;
    let status = git(&["status", "--porcelain", "--untracked-files=no"])?;
    Some(GitState { commit, clean: status.is_empty() })
}

/// Writes `bytes` to `path` whole or not at all: a temporary file in the same folder, then a
/// rename. An existing file is kept unless `force`.
pub(crate) fn write_atomically(path: &Path, bytes: impl AsRef<[u8]>, force: bool) -> anyhow::Result<()> {
    let name = path.display().to_string();
    if path.exists() && !force {
        bail!("`{name}` exists; use --force to overwrite it");
    }
    if path.is_dir() {
        bail!("`{name}` is a folder; name a file to write");
    }
    let temporary = temporary_sibling(path);
    let result = (|| -> std::io::Result<()> {
        write_synced(&temporary, bytes.as_ref())?;
        std::fs::rename(&temporary, path)
    })();
    if let Err(error) = result {
        let _ = std::fs::remove_file(&temporary);
        return Err(error).with_context(|| format!("cannot write `{name}`"));
    }
    Ok(())
}

/// Writes `files` (name, text) into the folder `path`, all of them or none. A new folder is
/// filled under a temporary name beside it, then renamed. An existing folder is refused unless
/// `force`; with it, every file is first written under a temporary name inside the folder, then
/// each is renamed over its old version (other files in the folder are left alone).
pub(crate) fn write_folder_atomically(path: &Path, files: &[(String, String)], force: bool) -> anyhow::Result<()> {
    let name = path.display().to_string();
    if path.exists() {
        if !force {
            bail!("`{name}` exists; use --force to overwrite it");
        }
        if !path.is_dir() {
            bail!("`{name}` is a file; CSV export writes a folder of files: name a folder");
        }
        let temporaries: Vec<(PathBuf, PathBuf)> =
            files.iter().map(|(file, _)| (temporary_sibling(&path.join(file)), path.join(file))).collect();
        let written = temporaries
            .iter()
            .zip(files)
            .try_for_each(|((temporary, _), (_, text))| write_synced(temporary, text.as_bytes()));
        let result = written.and_then(|()| temporaries.iter().try_for_each(|(from, to)| std::fs::rename(from, to)));
        if let Err(error) = result {
            for (temporary, _) in &temporaries {
                let _ = std::fs::remove_file(temporary);
            }
            return Err(error).with_context(|| format!("cannot write into `{name}`"));
        }
        return Ok(());
    }
    let temporary = temporary_sibling(path);
    let result = (|| -> std::io::Result<()> {
        std::fs::create_dir(&temporary)?;
        for (file, text) in files {
            write_synced(&temporary.join(file), text.as_bytes())?;
        }
        std::fs::rename(&temporary, path)
    })();
    if let Err(error) = result {
        // Only the folder this run created, with what it wrote.
        let _ = std::fs::remove_dir_all(&temporary);
        return Err(error).with_context(|| format!("cannot write `{name}`"));
    }
    Ok(())
}

/// Now, in seconds since 1970 (UTC): the creation time of the workbooks written.
pub(crate) fn now() -> i64 {
    let elapsed = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    i64::try_from(elapsed.as_secs()).unwrap_or(0)
}

/// `.NAME.PID.tmp` in the same folder as `path`, so that the final rename stays on one file
/// system.
fn temporary_sibling(path: &Path) -> PathBuf {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    folder.join(format!(".{file_name}.{}.tmp", std::process::id()))
}

fn write_synced(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = std::fs::File::create(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Loads a plan for a command that needs a valid one: errors are printed to stderr (exit 1);
/// warnings are summed up in one line.
pub(crate) fn load_valid_plan(arg: &PlanArg, output: &Output) -> anyhow::Result<Result<cruscotto::plan::Plan, u8>> {
    Ok(load_plan(arg, output)?.map(|loaded| loaded.plan))
}

/// A valid plan with what it was read from.
pub(crate) struct LoadedPlan {
    pub(crate) plan: cruscotto::plan::Plan,
    /// The plan's text, for diagnostics that point into it.
    pub(crate) source: SourceFile,
    /// The file's path as given.
    pub(crate) path: PathBuf,
    /// The digest of the file's bytes, for provenance.
    pub(crate) input: InputFile,
}

/// [`load_valid_plan`], also returning the plan's source and digest.
pub(crate) fn load_plan(arg: &PlanArg, output: &Output) -> anyhow::Result<Result<LoadedPlan, u8>> {
    let path = plan_path(arg)?;
    let (input, source) = read_plan_file(&path)?;
    let source = match source {
        Ok(source) => source,
        Err(diagnostic) => {
            output.eprint(&render_diagnostics::text(&[*diagnostic], output.stderr_style));
            return Ok(Err(super::EXIT_INPUT_ERRORS));
        }
    };
    Ok(checked_plan(&source, output).map(|plan| LoadedPlan { plan, source, path, input }))
}

/// Checks a plan for a command that needs a valid one: its errors are printed to stderr
/// (`Err(1)`); its warnings are summed up in one line.
pub(crate) fn checked_plan(source: &SourceFile, output: &Output) -> Result<cruscotto::plan::Plan, u8> {
    let checked = cruscotto::check_plan(source);
    let Some(plan) = checked.plan else {
        output.report(source.name(), &checked.diagnostics);
        return Err(super::EXIT_INPUT_ERRORS);
    };
    let warnings = checked.diagnostics.len();
    if warnings > 0 {
        let s = if warnings == 1 { "" } else { "s" };
        let name = source.name();
        output.eprint(&format!("note: {name} has {warnings} warning{s}; `cruscotto check {name}` shows them\n"));
    }
    Ok(plan)
}
/// The year a command works on: `--year`, else the plan year; it must be in the horizon.
pub(crate) fn plan_year(plan: &cruscotto::plan::Plan, year: Option<i32>) -> anyhow::Result<i32> {
    let metadata = &plan.metadata;
    let year = year.unwrap_or(metadata.year);
    if !metadata.horizon().contains(&year) {
        bail!("--year {year} is outside the plan's horizon {}–{}", metadata.first_year, metadata.last_year);
    }
    Ok(year)
}

/// Whether an error is a closed pipe (`cruscotto list | head`), which is not a failure.
pub(crate) fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error
        .chain()
        .any(|cause| cause.downcast_ref::<std::io::Error>().is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe))
}
