//! Files, environment and terminal: reading plans, choosing colour and width, writing output.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use cruscotto::diagnostic::{Code, Diagnostic};
use cruscotto::i18n::{Lang, Message};
use cruscotto::msg;
use cruscotto::provenance::{GitState, InputFile};
use cruscotto::render::diagnostics as render_diagnostics;
use cruscotto::render::style::Style;
use cruscotto::source::SourceFile;

use super::args::{ColorChoice, PlanArg};
use super::words::{Failure, fail};

/// Plans larger than this are refused before reading. A body's plan is a few hundred kilobytes,
/// but a national roll-up generated from a database can hold hundreds of thousands of indicators
/// (200,000 are 70 MB); the bound is the actuals' one, kept so that a device or a pipe that never
/// ends (`/dev/zero`) is refused rather than read until memory runs out.
const MAX_PLAN_BYTES: u64 = 1024 * 1024 * 1024;

/// Leaves `value` to the operating system, which takes back a process's memory at exit at once,
/// instead of freeing it piece by piece: a plan of a hundred thousand indicators and its million
/// actual values are millions of allocations, and freeing them would be a tenth of a run's time.
/// For the big values a command holds until it ends.
pub(crate) fn keep_until_exit<T>(value: T) -> std::mem::ManuallyDrop<T> {
    std::mem::ManuallyDrop::new(value)
}

/// Where output goes and how it looks.
pub(crate) struct Output {
    pub(crate) style: Style,
    pub(crate) stderr_style: Style,
    pub(crate) stdout_is_terminal: bool,
    /// The language of messages, errors and notes (see [`super::words::resolve`]).
    pub(crate) interface_lang: Lang,
    /// `--lang`, which also sets the language of deliverables (see [`Output::deliverable_lang`]).
    pub(crate) lang_override: Option<Lang>,
    /// `--quiet`: no notes or summaries on stderr (errors and diagnostics are still written).
    pub(crate) quiet: bool,
    /// `--ignore CODE`: the warnings this run accepts.
    pub(crate) ignore: Vec<Code>,
    /// What is written to stderr, kept instead of written: the messages about one plan of
    /// `score-many`, scored on a thread of its own, printed in the plans' order.
    pub(crate) captured: Option<std::sync::Mutex<String>>,
}

impl Output {
    /// The language of what is written for people from `plan`: `--lang`, else the plan's `lang`
    /// (Italian when it states none). The interface's language does not change it: an Italian
    /// plan's deliverables are Italian in an English shell.
    pub(crate) fn deliverable_lang(&self, plan: &cruscotto::plan::Plan) -> Lang {
        self.lang_override.unwrap_or_else(|| plan.metadata.lang())
    }

    /// How output looks for `--color`, in the interface's language `interface_lang`; `lang` is
    /// `--lang`.
    pub(crate) fn new(
        choice: ColorChoice,
        interface_lang: Lang,
        lang: Option<Lang>,
        quiet: bool,
        ignore: Vec<Code>,
    ) -> Self {
        let stdout_is_terminal = std::io::stdout().is_terminal();
        Self {
            style: Style { color: colour(choice, &std::io::stdout()) },
            stderr_style: Style { color: colour(choice, &std::io::stderr()) },
            stdout_is_terminal,
            interface_lang,
            lang_override: lang,
            quiet,
            ignore,
            captured: None,
        }
    }

    /// An `Output` like this one whose stderr is kept (see [`Output::take_captured`]).
    pub(crate) fn capturing(&self) -> Self {
        Self {
            style: self.style,
            stderr_style: self.stderr_style,
            stdout_is_terminal: self.stdout_is_terminal,
            interface_lang: self.interface_lang,
            lang_override: self.lang_override,
            quiet: self.quiet,
            ignore: self.ignore.clone(),
            captured: Some(std::sync::Mutex::new(String::new())),
        }
    }

    /// What was written to stderr through a [`Output::capturing`] output.
    pub(crate) fn take_captured(&self) -> String {
        self.captured
            .as_ref()
            .map(|text| std::mem::take(&mut *text.lock().unwrap_or_else(|e| e.into_inner())))
            .unwrap_or_default()
    }

    /// Writes `text` to stdout as one piece (its colours, when on, as the console takes them).
    pub(crate) fn print(&self, text: &str) -> anyhow::Result<()> {
        self.stream(|sink| {
            sink(text);
        })
    }

    /// Writes to stdout what `make` gives its sink, as it gives it: the sink answers `false`
    /// once a piece cannot be written, and nothing more is written; the error is then reported
    /// as [`Output::print`] reports it.
    pub(crate) fn stream(&self, make: impl FnOnce(&mut dyn FnMut(&str) -> bool)) -> anyhow::Result<()> {
        let write = |out: &mut dyn Write| -> std::io::Result<()> {
            let mut failed = None;
            make(&mut |piece: &str| match out.write_all(piece.as_bytes()) {
                Ok(()) => true,
                Err(error) => {
                    failed.get_or_insert(error);
                    false
                }
            });
            match failed {
                Some(error) => Err(error),
                None => out.flush(),
            }
        };
        if self.style.color {
            return finish_stdout(write(&mut anstream::AutoStream::always(std::io::stdout().lock())));
        }
        finish_stdout(write(&mut std::io::stdout().lock()))
    }

    /// Writes `bytes` (a workbook) to stdout, which must not be a terminal.
    pub(crate) fn print_bytes(&self, bytes: &[u8]) -> anyhow::Result<()> {
        if self.stdout_is_terminal {
            fail!(
                msg!("cli-binary-to-terminal", what = "workbook"),
                msg!("cli-binary-to-terminal-help", extension = "xlsx")
            );
        }
        write_stdout(bytes)
    }

    /// Writes `text` to stderr (its colours, when on, as the console takes them).
    pub(crate) fn eprint(&self, text: &str) {
        if let Some(captured) = &self.captured {
            captured.lock().unwrap_or_else(|e| e.into_inner()).push_str(text);
        } else if self.stderr_style.color {
            let _ = anstream::AutoStream::always(std::io::stderr().lock()).write_all(text.as_bytes());
        } else {
            write_stderr(text);
        }
    }

    /// Writes a note or a summary (`wrote ...`, `note: ...`) to stderr, unless `--quiet`.
    pub(crate) fn note(&self, text: &str) {
        if !self.quiet {
            self.eprint(text);
        }
    }

    /// `message` in the interface's language.
    pub(crate) fn say(&self, message: &Message) -> String {
        message.render(self.interface_lang)
    }

    /// Writes `message` on a line of its own to stderr, unless `--quiet`: a summary (`wrote
    /// ...`), or, with the `note: ` prefix, a note.
    pub(crate) fn note_line(&self, prefix: &str, message: &Message) {
        self.note(&format!("{prefix}{}\n", self.say(message)));
    }

    /// The diagnostics in the human form, in the interface's language, for stderr.
    pub(crate) fn diagnostics_text<'d>(&self, diagnostics: impl IntoIterator<Item = &'d Diagnostic>) -> String {
        render_diagnostics::text(diagnostics, self.stderr_style, self.interface_lang)
    }

    /// Writes diagnostics to stderr, the accepted ones only counted, followed (when there are
    /// any) by the summary line that names `file`.
    pub(crate) fn report(&self, file: &str, diagnostics: &[Diagnostic]) {
        if diagnostics.is_empty() {
            return;
        }
        let mut text = self.diagnostics_text(open(diagnostics));
        text.push_str(&render_diagnostics::summary(file, diagnostics, self.interface_lang));
        text.push('\n');
        self.eprint(&text);
    }

    /// Writes the findings printed after a command's results (`score`, `export`) to stderr: in
    /// full, except those accepted with `--ignore`, which a note counts.
    pub(crate) fn findings(&self, diagnostics: &[Diagnostic]) {
        self.eprint(&self.diagnostics_text(open(diagnostics)));
        let accepted: Vec<&Diagnostic> = diagnostics.iter().filter(|d| d.accepted.is_some()).collect();
        if !accepted.is_empty() {
            let counts = render_diagnostics::counts_by_code(&accepted);
            let message = msg!("cli-accepted-with-ignore").count("count", accepted.len()).message("codes", counts);
            self.note_line("note: ", &message);
        }
    }

    /// The terminal's width, when stdout is a terminal (`COLUMNS` first).
    pub(crate) fn terminal_width(&self) -> Option<u16> {
        if let Some(columns) = std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok()) {
            return Some(columns);
        }
        self.stdout_is_terminal.then(|| comfy_table::Table::new().width()).flatten()
    }
}

/// Whether to colour `stream`: as `--color` says, and under `auto` never with `NO_COLOR`; always with
/// `CLICOLOR_FORCE` or `FORCE_COLOR` (any value but empty); never with `CLICOLOR=0`; else when
/// it is a terminal that shows colour (not `TERM=dumb`). `anstream` reads all of these but
/// `FORCE_COLOR`, and on Windows turns on the console's colours.
fn colour<S: anstream::stream::RawStream>(choice: ColorChoice, stream: &S) -> bool {
    let set = |name: &str| std::env::var_os(name).is_some_and(|value| !value.is_empty());
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto if set("FORCE_COLOR") && !set("NO_COLOR") => true,
        ColorChoice::Auto => anstream::AutoStream::choice(stream) != anstream::ColorChoice::Never,
    }
}

/// Writes to stderr, ignoring a failure: there is nowhere left to report it, and the exit
/// code still tells.
pub(crate) fn write_stderr(text: &str) {
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}

/// Where an input comes from, as named on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Origin {
    /// Standard input (`-`).
    Stdin,
    /// A file.
    File(PathBuf),
    /// A file as a git revision holds it (`REV:path`), read with `git show`.
    Git { revision: String, path: String },
}

/// How standard input is named in messages and diagnostics.
pub(crate) const STDIN_NAME: &str = "<stdin>";

impl Origin {
    /// A plan argument: `-`, an existing file, else `REV:path`; anything else is a file (whose
    /// reading then fails with the usual message).
    pub(crate) fn plan(arg: &Path) -> Self {
        if arg == Path::new("-") {
            return Origin::Stdin;
        }
        if arg.exists() {
            return Origin::File(arg.to_path_buf());
        }
        let split = arg.to_str().and_then(|text| text.split_once(':'));
        // `C:\piani\piano.toml` or `C:/piani/piano.toml` that does not exist is a missing
        // Windows file, not the path `\piani...` at revision `C`: git's paths never start
        // with a separator.
        let drive = |revision: &str, path: &str| {
            revision.len() == 1 && revision.as_bytes()[0].is_ascii_alphabetic() && path.starts_with(['/', '\\'])
        };
        match split.filter(|(revision, path)| !revision.is_empty() && !path.is_empty() && !drive(revision, path)) {
            Some((revision, path)) => Origin::Git { revision: revision.to_owned(), path: path.to_owned() },
            None => Origin::File(arg.to_path_buf()),
        }
    }

    /// A data file (actuals, a spreadsheet to import): `-` or a file.
    pub(crate) fn data(arg: &Path) -> Self {
        if arg == Path::new("-") { Origin::Stdin } else { Origin::File(arg.to_path_buf()) }
    }

    /// The name as given on the command line: `-`, the path, `REV:path`. Provenance records it.
    pub(crate) fn given(&self) -> String {
        match self {
            Origin::Stdin => "-".to_owned(),
            Origin::File(path) => path.display().to_string(),
            Origin::Git { revision, path } => format!("{revision}:{path}"),
        }
    }

    /// The name diagnostics and messages show: `<stdin>` for standard input, else as given.
    pub(crate) fn display(&self) -> String {
        match self {
            Origin::Stdin => STDIN_NAME.to_owned(),
            _ => self.given(),
        }
    }

    /// Reads the input whole; `what` names the kind of file expected in messages (`plan`,
    /// `actuals`, `spreadsheet`, `template`: the catalogue selects the words). Files and
    /// standard input larger than `limit` bytes are refused.
    pub(crate) fn read(&self, what: &str, limit: u64) -> anyhow::Result<Vec<u8>> {
        match self {
            Origin::Stdin => read_stdin(what, limit),
            Origin::File(path) => read_bytes(path, what, limit),
            Origin::Git { revision, path } => git_show(revision, path),
        }
    }
}

/// The plan's origin: the argument, else `$CRUSCOTTO_PLAN`, else `./plan.toml`.
pub(crate) fn plan_origin(arg: &PlanArg) -> anyhow::Result<Origin> {
    if let Some(path) = &arg.plan {
        return Ok(Origin::plan(path));
    }
    let from_env = std::env::var_os("CRUSCOTTO_PLAN").filter(|v| !v.is_empty());
    if let Some(path) = from_env {
        return Ok(Origin::plan(Path::new(&path)));
    }
    let default = PathBuf::from("plan.toml");
    if default.exists() {
        return Ok(Origin::File(default));
    }
    fail!(msg!("cli-no-plan"), msg!("cli-no-plan-help"))
}

/// Reads a file whole, refusing one of more than `limit` bytes; `what` names the kind of file
/// expected in messages (`plan`, `actuals`...). The limit is enforced while reading, not from
/// the size the file system reports: a device (`/dev/zero`) or a pipe has none.
pub(crate) fn read_bytes(path: &Path, what: &str, limit: u64) -> anyhow::Result<Vec<u8>> {
    use std::io::Read;
    let name = path.display().to_string();
    let too_large = || Failure::new(msg!("cli-file-too-large", file = &name, mib = limit / (1024 * 1024), what = what));
    let metadata = std::fs::metadata(path).with_context(|| cannot_read(&name))?;
    if metadata.is_dir() {
        fail!(msg!("cli-file-is-directory", file = name, what = what));
    }
    if metadata.is_file() && metadata.len() > limit {
        return Err(too_large().into());
    }
    let file = std::fs::File::open(path).with_context(|| cannot_read(&name))?;
    // Room for the whole file at once (and the byte that tells its end): read through `take`,
    // which hides the file's size, the buffer would double as it fills, each copy left to the
    // allocator (143 MiB of memory touched to read 62 MB of plan and actuals).
    let size = if metadata.is_file() { metadata.len().min(limit) } else { 0 };
    let mut bytes = Vec::with_capacity(usize::try_from(size).map_or(0, |size| size + 1));
    file.take(limit + 1).read_to_end(&mut bytes).with_context(|| cannot_read(&name))?;
    if bytes.len() as u64 > limit {
        return Err(too_large().into());
    }
    Ok(bytes)
}

/// "cannot read `FILE`", the context of an I/O error (the system's words follow it).
pub(crate) fn cannot_read(name: &str) -> Failure {
    Failure::new(msg!("cli-cannot-read", file = name))
}

/// "cannot write `FILE`", the context of an I/O error.
pub(crate) fn cannot_write(name: &str) -> Failure {
    Failure::new(msg!("cli-cannot-write", file = name))
}

/// "`FILE` exists; use --force to overwrite it".
fn exists(name: &str) -> Failure {
    Failure::new(msg!("cli-exists", file = name))
}

/// Reads standard input whole, refusing more than `limit` bytes.
fn read_stdin(what: &str, limit: u64) -> anyhow::Result<Vec<u8>> {
    use std::io::Read as _;
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .with_context(|| Failure::new(msg!("cli-cannot-read-stdin")))?;
    if bytes.len() as u64 > limit {
        fail!(msg!("cli-stdin-too-large", mib = limit / (1024 * 1024), what = what));
    }
    Ok(bytes)
}

/// The bytes of `path` at `revision`, from `git show REV:path` run in the current directory (so
/// `path` is relative to the repository's root, as for `git show`). A revision that starts with
/// `-` is refused: git would read it as an option.
pub(crate) fn git_show(revision: &str, path: &str) -> anyhow::Result<Vec<u8>> {
    let spec = format!("{revision}:{path}");
    if revision.starts_with('-') {
        fail!(msg!("cli-git-revision-dash", spec = spec));
    }
    let output = git(&["show", "--end-of-options", &spec], &spec)?;
    if !output.status.success() {
        let message = String::from_utf8_lossy(&output.stderr);
        fail!(msg!("cli-git-cannot-read", spec = spec, reason = message.trim().trim_start_matches("fatal: ")));
    }
    Ok(output.stdout)
}

/// The full id of the commit `revision` names, for provenance.
fn git_commit(revision: &str) -> Option<String> {
    let wanted = format!("{revision}^{{commit}}");
    let output = git(&["rev-parse", "--verify", "--quiet", "--end-of-options", &wanted], revision).ok()?;
    output.status.success().then(|| String::from_utf8_lossy(&output.stdout).trim().to_owned())
}

/// Runs git in the current directory; `spec` names what was asked for, in messages.
fn git(args: &[&str], spec: &str) -> anyhow::Result<std::process::Output> {
    match std::process::Command::new("git").args(args).output() {
        Ok(output) => Ok(output),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            fail!(msg!("cli-git-missing", spec = spec))
        }
        Err(error) => Err(error).with_context(|| Failure::new(msg!("cli-cannot-run-git"))),
    }
}

/// How many bytes of a plan `check` reads at a time ([`check_streamed`]).
const STREAM_CHUNK: usize = 1024 * 1024;

/// Checks the plan file of `origin` as [`cruscotto::check_plan`] does, read a piece at a time
/// ([`cruscotto::load::PlanStream`]): its text is never held whole, unless a finding quotes it,
/// and is then read again. `None` when the plan is not a regular file of UTF-8 text without a
/// byte order mark (standard input, a git revision, another encoding, bytes that are not text):
/// [`read_plan`] reads it whole, and reports what it is.
///
/// A file that changed between the two reads is an error (exit 2): its findings would quote
/// another text than the one checked. The bytes read are hashed as they go, and the text read
/// again is compared with them.
pub(crate) fn check_streamed(origin: &Origin) -> anyhow::Result<Option<cruscotto::Checked>> {
    let Origin::File(path) = origin else { return Ok(None) };
    // A file that cannot be read, a folder, one too large: the whole read says what it is.
    let Ok(metadata) = std::fs::metadata(path) else { return Ok(None) };
    let Some(len) = metadata.is_file().then_some(metadata.len()).filter(|&len| len <= MAX_PLAN_BYTES) else {
        return Ok(None);
    };
    let Ok(len) = usize::try_from(len) else { return Ok(None) };
    let name = origin.display();
    let mut file = std::fs::File::open(path).with_context(|| cannot_read(&name))?;
    check_read(path, name, len, &mut file)
}

/// [`check_streamed`] of the plan file at `path`, displayed as `name`, of `len` bytes, its bytes
/// read from `file`.
fn check_read(
    path: &Path,
    name: String,
    len: usize,
    file: &mut impl std::io::Read,
) -> anyhow::Result<Option<cruscotto::Checked>> {
    use cruscotto::actuals::encoding;
    use std::hash::Hasher as _;
    let again = path.to_path_buf();
    let source = cruscotto::source::SourceFile::deferred(name.clone(), len, move || {
        std::fs::read(&again).ok().and_then(|bytes| String::from_utf8(bytes).ok()).unwrap_or_default()
    });
    let mut stream = cruscotto::load::PlanStream::new(&source);
    let mut chunk = vec![0; STREAM_CHUNK.min(len + 1)];
    let (mut read, mut hash) = (0, rustc_hash::FxHasher::default());
    loop {
        let filled = fill(file, &mut chunk).with_context(|| cannot_read(&name))?;
        let bytes = &chunk[..filled];
        if read == 0 && (encoding::byte_order_mark(bytes).is_some() || encoding::is_binary(bytes)) {
            return Ok(None);
        }
        if filled == 0 {
            break;
        }
        hash.write(bytes);
        read += filled;
        if read as u64 > MAX_PLAN_BYTES || stream.push(bytes).is_err() {
            return Ok(None);
        }
        if filled < chunk.len() {
            break;
        }
    }
    let mut diagnostics = Vec::new();
    let Ok(raw) = stream.finish(&mut diagnostics) else { return Ok(None) };
    let checked = cruscotto::check_loaded(&source, raw, diagnostics);
    let changed = read != len
        || source.is_held() && {
            let mut again = rustc_hash::FxHasher::default();
            source.text().as_bytes().chunks(chunk.len()).for_each(|bytes| again.write(bytes));
            source.text().len() != read || again.finish() != hash.finish()
        };
    if changed {
        keep_until_exit(checked);
        fail!(msg!("cli-plan-changed", file = name), msg!("cli-plan-changed-help"));
    }
    Ok(Some(checked))
}

/// Reads from `file` until `buffer` is full or the file ends; how many bytes were read.
fn fill(file: &mut impl std::io::Read, buffer: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buffer.len() {
        match file.read(&mut buffer[filled..]) {
            Ok(0) => break,
            Ok(read) => filled += read,
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => {}
            Err(error) => return Err(error),
        }
    }
    Ok(filled)
}

/// Reads a plan: I/O problems are errors (exit 2); content problems (not UTF-8) come back as a
/// diagnostic. How to take the digest of the bytes read comes with it, for provenance.
pub(crate) fn read_plan(origin: &Origin) -> anyhow::Result<(Digest, Result<SourceFile, Box<Diagnostic>>)> {
    let bytes = origin.read("plan", MAX_PLAN_BYTES)?;
    let digest = match cruscotto::actuals::encoding::byte_order_mark(&bytes) {
        Some(_) => Digest::Taken(InputFile::of(origin.given(), &bytes)),
        None => Digest::OfText(origin.given()),
    };
    Ok((digest, cruscotto::decode_source(&origin.display(), bytes)))
}

/// The digest of a file read, for provenance, which only some commands record: taken as the file
/// is read when its text is not its bytes (a byte order mark dropped, another encoding decoded,
/// a lone `\r` made a line end, a workbook); else taken of the text, which is the file's bytes,
/// when a command asks ([`digests_while`]).
pub(crate) enum Digest {
    /// Taken of the bytes read.
    Taken(InputFile),
    /// To take of the text, under the name given.
    OfText(String),
}

/// From this many bytes of text to digest, the digests are taken on a thread of their own while
/// other work goes on: a plan of national scale takes as long to digest as a tenth of checking
/// it.
const DIGEST_APART_FROM: usize = 1 << 20;

/// The digests of the files read as `pending` (each with its text), in order, and what `work`
/// gives: taken on a thread of their own while it runs when they are big.
pub(crate) fn digests_while<R>(pending: Vec<(Digest, &[u8])>, work: impl FnOnce() -> R) -> (Vec<InputFile>, R) {
    fn take(pending: Vec<(Digest, &[u8])>) -> Vec<InputFile> {
        let digest = |(digest, text): (Digest, &[u8])| match digest {
            Digest::Taken(input) => input,
            Digest::OfText(name) => InputFile::of(name, text),
        };
        pending.into_iter().map(digest).collect()
    }
    let apart: usize =
        pending.iter().filter(|(digest, _)| matches!(digest, Digest::OfText(_))).map(|(_, t)| t.len()).sum();
    if apart < DIGEST_APART_FROM {
        return (take(pending), work());
    }
    let pending = std::sync::Mutex::new(Some(pending));
    let taken = || take(pending.lock().unwrap_or_else(std::sync::PoisonError::into_inner).take().unwrap_or_default());
    std::thread::scope(|scope| match std::thread::Builder::new().spawn_scoped(scope, taken) {
        Ok(thread) => {
            let result = work();
            (thread.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)), result)
        }
        // A thread the system cannot start: the digests are taken in turn.
        Err(_) => (taken(), work()),
    })
}

/// Actuals files larger than this are refused: a million rows is about 40 MiB.
const MAX_ACTUALS_BYTES: u64 = 1024 * 1024 * 1024;

/// Reads an actuals file whole (`-` is standard input): a CSV file (UTF-8 or Windows-1252) as
/// one source, a workbook (`.xlsx`, `.ods`...) as one source per sheet, named `file[sheet]`. A
/// workbook that cannot be read (damaged, protected by a password) is an error (exit 2), like a
/// file that is missing; so is a plan given as actuals. How to take the digest of the bytes read
/// comes with the sources, for provenance: a CSV file's text is its one source.
pub(crate) fn read_actuals(path: &Path) -> anyhow::Result<(Vec<SourceFile>, Digest)> {
    use cruscotto::actuals::workbook::{self, WorkbookError};
    let origin = Origin::data(path);
    let name = origin.display();
    if super::template::has_extension(path, &["toml"]) {
        fail!(msg!("cli-actuals-is-a-plan", file = name), msg!("cli-actuals-is-a-plan-help"));
    }
    let bytes = origin.read("actuals", MAX_ACTUALS_BYTES)?;
    if let Some(kind) = workbook::kind(&name, &bytes) {
        let input = Digest::Taken(InputFile::of(origin.given(), &bytes));
        let sheets = workbook::sheets(&name, &bytes, kind).map_err(|error| {
            let help = match error {
                WorkbookError::PasswordProtected => msg!("cli-workbook-password-help"),
                WorkbookError::Unreadable { .. } => msg!("cli-workbook-unreadable-help"),
                WorkbookError::TooLarge(_) => msg!("cli-workbook-too-large-help"),
            };
            Failure::new(msg!("cli-cannot-read-because", file = &name).message("reason", error.message())).help(help)
        })?;
        return Ok((sheets, input));
    }
    use cruscotto::actuals::encoding;
    if encoding::is_binary(&bytes) {
        if encoding::looks_like_utf16_without_bom(&bytes) {
            fail!(msg!("cli-actuals-utf16", file = name), msg!("cli-actuals-utf16-help"));
        }
        fail!(msg!("cli-actuals-binary", file = name), msg!("cli-actuals-binary-help"));
    }
    // Of the bytes as they are when their text will not be (Windows-1252, a mark, a lone `\r`).
    let digest = match encoding::decodes_to_itself(&bytes) {
        true => Digest::OfText(origin.given()),
        false => Digest::Taken(InputFile::of(origin.given(), &bytes)),
    };
    let (text, _) = encoding::decode(bytes);
    Ok((vec![SourceFile::new(name, text)], digest))
}

/// The state of the git repository a plan was read from, for provenance: for a file, the
/// repository holding it (`None` outside one, or when git cannot be run), where only tracked
/// files count for "clean" (an untracked scratch file beside the plan does not change what the
/// commit holds); for `REV:path`, the commit the revision names, clean since the plan read is
/// the commit's own; for standard input, none.
pub(crate) fn git_state(origin: &Origin) -> Option<GitState> {
    let file = match origin {
        Origin::Stdin => return None,
        Origin::Git { revision, .. } => return git_commit(revision).map(|commit| GitState { commit, clean: true }),
        Origin::File(file) => file,
    };
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

/// An input's name as a plan records it (the source of an import, the plan a rollover starts
/// from): as given on the command line when relative, and relative to the current folder when
/// an absolute path lies under it; otherwise only the file's name. A plan travels (to git, to
/// the OIV): it never records where a file sat on one machine.
pub(crate) fn recorded_name(origin: &Origin) -> String {
    let Origin::File(path) = origin else { return origin.display() };
    if path.is_relative() {
        return path.display().to_string();
    }
    let under_current =
        std::env::current_dir().ok().and_then(|current| path.strip_prefix(current).ok().map(Path::to_path_buf));
    match under_current {
        Some(relative) if !relative.as_os_str().is_empty() => relative.display().to_string(),
        _ => path.file_name().map_or_else(|| path.display().to_string(), |name| name.to_string_lossy().into_owned()),
    }
}

/// The file to write, or `None` for standard output (no `-o`, or `-o -`).
pub(crate) fn output_file(output: Option<&PathBuf>) -> Option<&Path> {
    output.map(PathBuf::as_path).filter(|path| *path != Path::new("-"))
}

/// Refuses an output file that exists, unless `force`: checked before any work is done, so that
/// a run that would not write says so at once.
pub(crate) fn refuse_to_overwrite(file: Option<&Path>, force: bool) -> anyhow::Result<()> {
    match file {
        Some(path) if path.exists() && !force => Err(exists(&path.display().to_string()).into()),
        _ => Ok(()),
    }
}

/// Checks a plan this tool wrote (an import, a rollover) before it is written out as `file`
/// (stdout when `None`): its diagnostics, warnings only, when it loads. When it does not, its
/// errors are printed as a fault of the command (`fault`: `import` or `rollover`, the catalogue
/// says whom to report it to with what) and the run fails (exit 1).
pub(crate) fn check_written(
    text: &str,
    file: Option<&Path>,
    fault: &str,
    output: &Output,
) -> Result<Vec<Diagnostic>, u8> {
    let name = file.map_or_else(|| "<stdout>".to_owned(), |path| path.display().to_string());
    let checked = cruscotto::check_plan(&SourceFile::new(name, text));
    if checked.plan.is_some() {
        return Ok(checked.diagnostics);
    }
    let errors: Vec<Diagnostic> =
        checked.diagnostics.into_iter().filter(|d| d.severity == cruscotto::diagnostic::Severity::Error).collect();
    let mut message = format!("error: {}\n\n", output.say(&msg!("cli-written-plan-fails", command = fault)));
    message.push_str(&output.diagnostics_text(&errors));
    output.eprint(&message);
    Err(super::EXIT_INPUT_ERRORS)
}

/// Writes `bytes` to `path` whole or not at all: a temporary file with a random name, created
/// new in the same folder (never through a link planted there), then renamed. Without `force`
/// the rename refuses an existing file, even one created by another run in the meantime; with
/// it, only a regular file is replaced (never a device, a pipe or a folder).
pub(crate) fn write_atomically(path: &Path, bytes: impl AsRef<[u8]>, force: bool) -> anyhow::Result<()> {
    write_atomically_with(path, force, |file| Ok(file.write_all(bytes.as_ref())?))
}

/// [`write_atomically`] for output written piece by piece by `write` (which may fail; then
/// nothing is written): the temporary file is published only once `write` has written it all.
pub(crate) fn write_atomically_with(
    path: &Path,
    force: bool,
    write: impl FnOnce(&mut dyn Write) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let name = path.display().to_string();
    refuse_existing(path, force, "file")?;
    let mut temporary = temporary_builder(&format!(".{}.", file_name(path)), 0o666)
        .tempfile_in(folder_of(path))
        .with_context(|| cannot_write(&name))?;
    {
        let mut buffered = std::io::BufWriter::new(temporary.as_file_mut());
        write(&mut buffered).and_then(|()| Ok(buffered.flush()?)).with_context(|| cannot_write(&name))?;
    }
    temporary.as_file().sync_all().with_context(|| cannot_write(&name))?;
    publish(temporary, path, force)
}

/// Renames a written temporary file to `path`; without `force`, never over an existing file.
/// On failure the temporary file is removed.
fn publish(temporary: tempfile::NamedTempFile, path: &Path, force: bool) -> anyhow::Result<()> {
    let name = path.display().to_string();
    let published = if force { temporary.persist(path) } else { temporary.persist_noclobber(path) };
    match published {
        Ok(_) => Ok(()),
        Err(error) if error.error.kind() == std::io::ErrorKind::AlreadyExists => Err(exists(&name).into()),
        Err(error) => Err(error.error).with_context(|| cannot_write(&name)),
    }
}

/// Refuses an existing `path` unless `force`, and, even with it, anything but `expected` (a
/// regular `file`, or a `folder`).
fn refuse_existing(path: &Path, force: bool, expected: &str) -> anyhow::Result<()> {
    let name = path.display().to_string();
    let Ok(metadata) = std::fs::metadata(path) else { return Ok(()) };
    let kind_matches = if expected == "folder" { metadata.is_dir() } else { metadata.is_file() };
    if !kind_matches {
        let found = if metadata.is_dir() {
            "folder"
        } else if metadata.is_file() {
            "file"
        } else {
            "other"
        };
        fail!(msg!("cli-wrong-kind-of-output", file = name, found = found, expected = expected));
    }
    if !force {
        return Err(exists(&name).into());
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
        refuse_existing(path, force, "folder")?;
        let cannot_write_into = || Failure::new(msg!("cli-cannot-write-into", folder = &name));
        let mut written = Vec::new();
        for (file, text) in files {
            let mut temporary =
                temporary_builder(&format!(".{file}."), 0o666).tempfile_in(path).with_context(cannot_write_into)?;
            temporary
                .write_all(text.as_bytes())
                .and_then(|()| temporary.as_file().sync_all())
                .with_context(cannot_write_into)?;
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
        std::io::ErrorKind::AlreadyExists => anyhow::Error::new(exists(&name)),
        _ => anyhow::Error::new(error).context(cannot_write(&name)),
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
        return Err(error).with_context(|| cannot_write(&name));
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
    let origin = plan_origin(arg)?;
    match read_plan(&origin)?.1 {
        Ok(source) => Ok(checked_plan(&source, output)),
        Err(diagnostic) => {
            output.eprint(&output.diagnostics_text(&[*diagnostic]));
            Ok(Err(super::EXIT_INPUT_ERRORS))
        }
    }
}

/// A valid plan with what it was read from.
pub(crate) struct LoadedPlan {
    pub(crate) plan: cruscotto::plan::Plan,
    /// The plan's text, for diagnostics that point into it.
    pub(crate) source: SourceFile,
    /// Where it was read from.
    pub(crate) origin: Origin,
    /// The digest of the bytes read, for provenance.
    pub(crate) input: InputFile,
}

/// [`load_valid_plan`], also returning the plan's source and digest.
pub(crate) fn load_plan(arg: &PlanArg, output: &Output) -> anyhow::Result<Result<LoadedPlan, u8>> {
    let origin = plan_origin(arg)?;
    let (digest, source) = read_plan(&origin)?;
    let source = match source {
        Ok(source) => source,
        Err(diagnostic) => {
            output.eprint(&output.diagnostics_text(&[*diagnostic]));
            return Ok(Err(super::EXIT_INPUT_ERRORS));
        }
    };
    let (inputs, plan) = digests_while(vec![(digest, source.text().as_bytes())], || checked_plan(&source, output));
    let input = inputs.into_iter().next().expect("the digest of the one file given");
    Ok(plan.map(|plan| LoadedPlan { plan, source, origin, input }))
}

/// Checks a plan for a command that needs a valid one: its errors are printed to stderr
/// (`Err(1)`); its warnings are summed up in one line.
pub(crate) fn checked_plan(source: &SourceFile, output: &Output) -> Result<cruscotto::plan::Plan, u8> {
    let mut checked = cruscotto::check_plan(source);
    cruscotto::diagnostic::ignore(&mut checked.diagnostics, &output.ignore);
    let Some(plan) = checked.plan else {
        output.report(source.name(), &checked.diagnostics);
        return Err(super::EXIT_INPUT_ERRORS);
    };
    // Accepted findings are counted by `check`; only the others are worth a note here.
    let warnings = checked.diagnostics.iter().filter(|d| d.accepted.is_none()).count();
    if warnings > 0 {
        output.note_line("note: ", &msg!("cli-plan-has-warnings", file = source.name()).count("count", warnings));
    }
    Ok(plan)
}
/// The year a command works on: `--year`, else the plan year; it must be in the horizon.
pub(crate) fn plan_year(plan: &cruscotto::plan::Plan, year: Option<i32>) -> anyhow::Result<i32> {
    let metadata = &plan.metadata;
    let year = year.unwrap_or(metadata.year);
    if !metadata.horizon().contains(&year) {
        fail!(msg!("cli-year-outside-horizon", year = year, first = metadata.first_year, last = metadata.last_year));
    }
    Ok(year)
}

/// The diagnostics not accepted: those shown in full (not copied: a big plan's findings can be
/// a hundred thousand, of which a few hundred are shown).
pub(crate) fn open(diagnostics: &[Diagnostic]) -> impl Iterator<Item = &Diagnostic> {
    diagnostics.iter().filter(|d| d.accepted.is_none())
}

/// Writes to stdout. A closed stdout (`cruscotto check | head -1`) stops the output but is not an
/// error: the command carries on and exits with the code its run decides, so that a failure seen
/// through a pipe stays a failure. Any other failure names the output that failed (a full disk
/// behind `> file`).
fn write_stdout(bytes: &[u8]) -> anyhow::Result<()> {
    let mut stdout = std::io::stdout().lock();
    finish_stdout(stdout.write_all(bytes).and_then(|()| stdout.flush()))
}

/// The outcome of a write to stdout, as [`write_stdout`] describes it.
fn finish_stdout(result: std::io::Result<()>) -> anyhow::Result<()> {
    match result {
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        result => result.with_context(|| Failure::new(msg!("cli-cannot-write-stdout"))),
    }
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

    #[test]
    fn a_plan_that_changed_while_it_was_read_is_refused() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("plan.toml");
        let on_disk = "[plan]\nbody = \"Ente\"\nyear = 2019\n\n[[mission]]\nidd = \"m\"\n";
        std::fs::write(&path, on_disk).unwrap();
        let check = |bytes: &str| check_read(&path, "plan.toml".to_owned(), on_disk.len(), &mut bytes.as_bytes());
        // The bytes read are the file's: its findings quote it, read again.
        let checked = check(on_disk).unwrap().expect("a plan file of text");
        let quoted: Vec<_> = checked.diagnostics.iter().filter_map(|d| d.location.as_ref()).collect();
        assert!(quoted.iter().any(|l| l.source_line.contains("idd")), "{quoted:?}");
        // Other bytes of the same length, or fewer: the findings would quote another text.
        let other = on_disk.replace("idd", "ixd");
        for bytes in [other.as_str(), &on_disk[..on_disk.len() - 1]] {
            let error = check(bytes).expect_err("a file that changed");
            assert!(error.to_string().contains("plan.toml` changed while it was read"), "{error}");
        }
        // Bytes that are not text, or text with a byte order mark, are read whole elsewhere.
        assert!(check("\u{feff}[plan]\n").unwrap().is_none());
        assert!(check("[plan]\nbody = \"\0\"\n").unwrap().is_none());
    }

    #[test]
    fn a_windows_path_is_a_file_even_where_it_does_not_exist() {
        for path in ["C:\\piani\\nessuno.toml", "c:/piani/nessuno.toml"] {
            assert!(matches!(Origin::plan(Path::new(path)), Origin::File(_)), "{path}");
        }
        let revision = Origin::plan(Path::new("HEAD:plans/nessuno.toml"));
        assert!(
            matches!(revision, Origin::Git { revision, path } if revision == "HEAD" && path == "plans/nessuno.toml")
        );
        assert!(matches!(Origin::plan(Path::new("v1:piano.toml")), Origin::Git { .. }));
    }

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
