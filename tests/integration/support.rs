//! Running the real binary from the repository root and showing what it did.

use std::path::Path;

/// The repository root, where `plans/` and `tests/fixtures/` are.
pub(crate) fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// What one run of `cruscotto` did.
pub(crate) struct Run {
    pub(crate) code: i32,
    pub(crate) stdout: String,
    pub(crate) stderr: String,
}

impl Run {
    /// Exit code, stdout and stderr together: the form CLI snapshots take.
    pub(crate) fn transcript(&self) -> String {
        format!("exit code: {}\n--- stdout ---\n{}--- stderr ---\n{}", self.code, self.stdout, self.stderr)
    }
}

/// The environment of every run: no plan, no width, no colour, and the `C` locale, so that
/// the interface speaks English whatever the machine's locale (the deliverables follow the
/// plan's `lang`, as for any user). Tests of the Italian interface add `--lang it` or set
/// `CRUSCOTTO_LANG`.
fn isolate(command: &mut std::process::Command) {
    for name in ["CRUSCOTTO_PLAN", "CRUSCOTTO_LANG", "COLUMNS", "LC_ALL", "LC_MESSAGES"] {
        command.env_remove(name);
    }
    command.env("NO_COLOR", "1").env("LANG", "C");
}

/// The binary, in the environment of [`isolate`]: for tests that set up streams themselves.
pub(crate) fn binary() -> std::process::Command {
    let mut command = std::process::Command::new(assert_cmd::cargo::cargo_bin("cruscotto"));
    isolate(&mut command);
    command
}

/// `cruscotto --color never ARGS` to run in `dir`, in the environment of [`isolate`].
fn cruscotto(dir: &Path, args: &[&str]) -> assert_cmd::Command {
    let mut command = binary();
    command.current_dir(dir).arg("--color").arg("never").args(args);
    command.into()
}

/// Runs `cruscotto --color never ARGS` in `dir` with `env` set on top of [`isolate`]'s
/// environment (`CRUSCOTTO_LANG`, `LANG`...).
pub(crate) fn run_with_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut command = cruscotto(dir, args);
    for (name, value) in env {
        command.env(name, value);
    }
    command.output().expect("the binary runs").into()
}

impl From<std::process::Output> for Run {
    fn from(output: std::process::Output) -> Self {
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }
}

/// Runs `cruscotto --color never ARGS` in `dir`, with no plan in the environment.
pub(crate) fn run_in(dir: &Path, args: &[&str]) -> Run {
    cruscotto(dir, args).output().expect("the binary runs").into()
}

/// Runs `cruscotto --color never ARGS` from the repository root.
pub(crate) fn run(args: &[&str]) -> Run {
    run_in(root(), args)
}

/// An OpenDocument spreadsheet with one sheet, `Foglio1`, whose rows are `rows` (the XML of its
/// `<table:table-row>` elements).
pub(crate) fn ods(rows: &str) -> Vec<u8> {
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Foglio1">{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    let mut bytes = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut bytes);
    let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, text) in [
        ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
        ("META-INF/manifest.xml", manifest),
        ("content.xml", content.as_str()),
    ] {
        zip.start_file(name, stored).unwrap();
        std::io::Write::write_all(&mut zip, text.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
    bytes.into_inner()
}

/// Runs `cruscotto --color never ARGS` in `dir` with `stdin` as standard input.
pub(crate) fn run_with_stdin(dir: &Path, args: &[&str], stdin: impl Into<Vec<u8>>) -> Run {
    cruscotto(dir, args).write_stdin(stdin.into()).output().expect("the binary runs").into()
}

/// Runs a bash command line in `dir` under `set -o pipefail`, with `$CRUSCOTTO` naming the
/// binary: the exit code of a pipeline is then that of the first command that failed.
pub(crate) fn run_pipeline(dir: &Path, pipeline: &str) -> Run {
    let mut command = std::process::Command::new("bash");
    isolate(&mut command);
    command
        .current_dir(dir)
        .env("CRUSCOTTO", env!("CARGO_BIN_EXE_cruscotto"))
        .args(["-c", &format!("set -o pipefail; {pipeline}")])
        .output()
        .expect("bash runs")
        .into()
}

/// Runs `git ARGS` in `dir` as a test user, and checks it succeeded.
pub(crate) fn git(dir: &Path, args: &[&str]) {
    let output = std::process::Command::new("git")
        .current_dir(dir)
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"])
        .args(args)
        .output()
        .expect("git runs");
    assert!(output.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&output.stderr));
}
