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

/// `cruscotto --color never ARGS` to run in `dir`, with no plan in the environment.
fn cruscotto(dir: &Path, args: &[&str]) -> assert_cmd::Command {
    let mut command = assert_cmd::Command::cargo_bin("cruscotto").expect("the binary is built for integration tests");
    command
        .current_dir(dir)
        .env_remove("CRUSCOTTO_PLAN")
        .env_remove("COLUMNS")
        .env("NO_COLOR", "1")
        .arg("--color")
        .arg("never")
        .args(args);
    command
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

/// Runs `cruscotto --color never ARGS` in `dir` with `stdin` as standard input.
pub(crate) fn run_with_stdin(dir: &Path, args: &[&str], stdin: impl Into<Vec<u8>>) -> Run {
    cruscotto(dir, args).write_stdin(stdin.into()).output().expect("the binary runs").into()
}

/// Runs a bash command line in `dir` under `set -o pipefail`, with `$CRUSCOTTO` naming the
/// binary: the exit code of a pipeline is then that of the first command that failed.
pub(crate) fn run_pipeline(dir: &Path, pipeline: &str) -> Run {
    std::process::Command::new("bash")
        .current_dir(dir)
        .env("CRUSCOTTO", env!("CARGO_BIN_EXE_cruscotto"))
        .env_remove("CRUSCOTTO_PLAN")
        .env("NO_COLOR", "1")
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
