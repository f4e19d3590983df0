//! Files, environment and terminal: reading plans, choosing colour and width, writing output.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use cruscotto::diagnostic::Diagnostic;
use cruscotto::provenance::{GitState, InputFile};
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
        write_stdout(text.as_bytes())
    }

    /// Writes `bytes` (a workbook) to stdout, which must not be a terminal.
    pub(crate) fn print_bytes(&self, bytes: &[u8]) -> anyhow::Result<()> {
        if self.stdout_is_terminal {
            bail!("a workbook is binary: not written to the terminal\nhelp: use -o FILE.xlsx, or redirect the output");
        }
        write_stdout(bytes)
    }

    /// Writes `text` to stderr.
    pub(crate) fn eprint(&self, text: &str) {
        write_stderr(text);
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

/// Writes to stdout; a failure names the output that failed (a full disk behind `> file`).
fn write_stdout(bytes: &[u8]) -> anyhow::Result<()> {
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(bytes).and_then(|()| stdout.flush()).context("cannot write to standard output")
}

/// Writes to stderr, ignoring a failure: there is nowhere left to report it, and the exit
/// code still tells.
pub(crate) fn write_stderr(text: &str) {
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
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

/// Reads a file whole, refusing one of more than `limit` bytes; `what` names the kind of file
/// expected in messages (`a plan file`, `an actuals file`...). The limit is enforced while
/// reading, not from the size the file system reports: a device (`/dev/zero`) or a pipe has
/// none.
pub(crate) fn read_bytes(path: &Path, what: &str, limit: u64) -> anyhow::Result<Vec<u8>> {
    use std::io::Read;
    let name = path.display().to_string();
    let too_large =
        || anyhow::anyhow!("`{name}` is larger than {} MiB; {what} that large is not supported", limit / (1024 * 1024));
    let metadata = std::fs::metadata(path).with_context(|| format!("cannot read `{name}`"))?;
    if metadata.is_dir() {
        bail!("`{name}` is a directory, not {what}");
    }
    if metadata.is_file() && metadata.len() > limit {
        return Err(too_large());
    }
    let file = std::fs::File::open(path).with_context(|| format!("cannot read `{name}`"))?;
    let mut bytes = Vec::new();
    file.take(limit + 1).read_to_end(&mut bytes).with_context(|| format!("cannot read `{name}`"))?;
    if bytes.len() as u64 > limit {
        return Err(too_large());
    }
    Ok(bytes)
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

const SAVE_AS_CSV: &str = "save the sheet as CSV (UTF-8), or pass the workbook itself (.xlsx, .ods)";

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
    use cruscotto::actuals::encoding;
    if encoding::is_binary(&bytes) {
        if encoding::looks_like_utf16_without_bom(&bytes) {
            bail!(
                "cannot read `{name}`: it is UTF-16 text without a byte order mark\nhelp: save it again as CSV UTF-8, or as \"Testo Unicode\" (which writes the mark)"
            );
        }
        bail!("cannot read `{name}`: it is a binary file, neither CSV text nor a workbook\nhelp: {SAVE_AS_CSV}");
    }
    let (text, _) = encoding::decode(bytes);
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

/// Writes `bytes` to `path` whole or not at all: a temporary file with a random name, created
/// new in the same folder (never through a link planted there), then renamed. Without `force`
/// the rename refuses an existing file, even one created by another run in the meantime; with
/// it, only a regular file is replaced (never a device, a pipe or a folder).
pub(crate) fn write_atomically(path: &Path, bytes: impl AsRef<[u8]>, force: bool) -> anyhow::Result<()> {
    let name = path.display().to_string();
    refuse_existing(path, force, "a file")?;
    let mut temporary = temporary_builder(&format!(".{}.", file_name(path)), 0o666)
        .tempfile_in(folder_of(path))
        .with_context(|| format!("cannot write `{name}`"))?;
    temporary
        .write_all(bytes.as_ref())
        .and_then(|()| temporary.as_file().sync_all())
        .with_context(|| format!("cannot write `{name}`"))?;
    publish(temporary, path, force)
}

/// Renames a written temporary file to `path`; without `force`, never over an existing file.
/// On failure the temporary file is removed.
fn publish(temporary: tempfile::NamedTempFile, path: &Path, force: bool) -> anyhow::Result<()> {
    let name = path.display().to_string();
    let published = if force { temporary.persist(path) } else { temporary.persist_noclobber(path) };
    match published {
        Ok(_) => Ok(()),
        Err(error) if error.error.kind() == std::io::ErrorKind::AlreadyExists => {
            bail!("`{name}` exists; use --force to overwrite it")
        }
        Err(error) => Err(error.error).with_context(|| format!("cannot write `{name}`")),
    }
}

/// Refuses an existing `path` unless `force`, and, even with it, anything but `expected` (a
/// regular file, or a folder).
fn refuse_existing(path: &Path, force: bool, expected: &str) -> anyhow::Result<()> {
    let name = path.display().to_string();
    let Ok(metadata) = std::fs::metadata(path) else { return Ok(()) };
    let kind_matches = if expected == "a folder" { metadata.is_dir() } else { metadata.is_file() };
    if !kind_matches {
        let found = if metadata.is_dir() {
            "a folder"
        } else if metadata.is_file() {
            "a file"
        } else {
            "not a regular file (a device or a pipe)"
        };
        bail!("`{name}` is {found}: name {expected} to write");
    }
    if !force {
        bail!("`{name}` exists; use --force to overwrite it");
    }
    Ok(())
}

/// Writes `files` (name, text) into the folder `path`, all of them or none. A new folder is
/// filled under a temporary name beside it, then renamed onto the empty folder this run
/// created first, so that two runs cannot both take the name. An existing folder is refused
/// unless `force`; with it, every file is first written under a temporary name inside the
/// folder, then each is renamed over its old version (other files in the folder are left
/// alone).
pub(crate) fn write_folder_atomically(path: &Path, files: &[(String, String)], force: bool) -> anyhow::Result<()> {
    let name = path.display().to_string();
    if path.exists() {
        refuse_existing(path, force, "a folder")?;
        let mut written = Vec::new();
        for (file, text) in files {
            let mut temporary = temporary_builder(&format!(".{file}."), 0o666)
                .tempfile_in(path)
                .with_context(|| format!("cannot write into `{name}`"))?;
            temporary
                .write_all(text.as_bytes())
                .and_then(|()| temporary.as_file().sync_all())
                .with_context(|| format!("cannot write into `{name}`"))?;
            written.push((temporary, path.join(file)));
        }
        // Every file is written: now each replaces its old version.
        for (temporary, target) in written {
            publish(temporary, &target, true)?;
        }
        return Ok(());
    }
    // The name is taken first (creating a folder fails if it exists), so a concurrent run
    // sees it taken; the files are written beside it and replace the empty folder at once.
    std::fs::create_dir(path).map_err(|error| match error.kind() {
        std::io::ErrorKind::AlreadyExists => anyhow::anyhow!("`{name}` exists; use --force to overwrite it"),
        _ => anyhow::Error::new(error).context(format!("cannot write `{name}`")),
    })?;
    let result = (|| -> std::io::Result<()> {
        let temporary = temporary_builder(&format!(".{}.", file_name(path)), 0o777).tempdir_in(folder_of(path))?;
        for (file, text) in files {
            let mut written = std::fs::File::create_new(temporary.path().join(file))?;
            written.write_all(text.as_bytes())?;
            written.sync_all()?;
        }
        let kept = temporary.keep();
        // Renaming onto the empty placeholder replaces it on Unix; Windows refuses to rename
        // onto an existing folder, so there the placeholder goes first.
        std::fs::rename(&kept, path)
            .or_else(|_| std::fs::remove_dir(path).and_then(|()| std::fs::rename(&kept, path)))
            .inspect_err(|_| {
                let _ = std::fs::remove_dir_all(&kept);
            })
    })();
    if let Err(error) = result {
        // Only what this run created: the empty folder that held the name.
        let _ = std::fs::remove_dir(path);
        return Err(error).with_context(|| format!("cannot write `{name}`"));
    }
    Ok(())
}

/// Now, in seconds since 1970 (UTC): the creation time of the workbooks written.
pub(crate) fn now() -> i64 {
    let elapsed = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    i64::try_from(elapsed.as_secs()).unwrap_or(0)
}

/// The folder `path` is in (`.` for a bare file name), where its temporary file goes so that
/// the final rename stays on one file system.
fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// A temporary file or folder `PREFIX.RANDOM.tmp` (the prefix is `.NAME.`), created new (never through a link), with
/// the permissions of a file created the ordinary way (`mode` less the umask) rather than
/// tempfile's private 0600, since it becomes the output.
fn temporary_builder(prefix: &str, mode: u32) -> tempfile::Builder<'_, 'static> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(prefix).suffix(".tmp");
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(mode));
    #[cfg(not(unix))]
    let _ = mode;
    builder
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_link_planted_where_a_temporary_file_could_go_is_never_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        std::fs::write(&victim, "keep me").unwrap();
        // The name the writer once used: predictable from the process id.
        let planted = dir.path().join(format!(".out.xlsx.{}.tmp", std::process::id()));
        std::os::unix::fs::symlink(&victim, &planted).unwrap();
        write_atomically(&dir.path().join("out.xlsx"), "new", false).unwrap();
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");
        assert_eq!(std::fs::read_to_string(dir.path().join("out.xlsx")).unwrap(), "new");
        assert!(planted.is_symlink());
    }

    #[cfg(unix)]
    #[test]
    fn outputs_get_the_permissions_of_an_ordinary_new_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        write_atomically(&dir.path().join("out.csv"), "x", false).unwrap();
        write_folder_atomically(&dir.path().join("out"), &[("a.csv".to_owned(), "a".to_owned())], false).unwrap();
        // The mode a plain File::create gets under the current umask.
        std::fs::File::create(dir.path().join("plain")).unwrap();
        let mode = |name: &str| std::fs::metadata(dir.path().join(name)).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode("out.csv"), mode("plain"));
        assert_eq!(mode("out/a.csv"), mode("plain"));
        assert_eq!(mode("out") & 0o666, mode("plain"));
    }

    #[test]
    fn without_force_an_existing_file_is_kept_and_with_it_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        write_atomically(&path, "one", false).unwrap();
        let error = write_atomically(&path, "two", false).unwrap_err();
        assert!(error.to_string().contains("exists; use --force"), "{error}");
        write_atomically(&path, "three", true).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "three");
        let files = [("a.csv".to_owned(), "a".to_owned())];
        write_folder_atomically(&dir.path().join("out"), &files, false).unwrap();
        assert!(write_folder_atomically(&dir.path().join("out"), &files, false).is_err());
        write_folder_atomically(&dir.path().join("out"), &files, true).unwrap();
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(left.len(), 2, "{left:?}");
    }
}
